/* Cổng thông tin điện tử huyện Bình Liêu: widgets for other sites.
 * <div data-portal-widget="tin-moi" data-so="5"></div>
 * <script async src="https://PORTAL/embed.js"></script>
 * Each element becomes a lazy-loaded frame of PORTAL/embed/{widget}, as tall as its content:
 * the widget posts its height, and only messages from that frame on the portal's origin count.
 * No cookies, nothing loaded from anywhere but the portal. */
(function () {
  'use strict';
  var WIDGETS = __WIDGETS__;
  var MESSAGE = '__MESSAGE__';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var own = function (object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  };
  // A second copy of the loader (the host pasted the snippet twice) mounts through the first.
  var registry = window.__portalWidgets;
  if (!registry || typeof registry !== 'object') registry = window.__portalWidgets = {};
  if (own(registry, origin) && typeof registry[origin].mount === 'function') {
    registry[origin].mount(document);
    return;
  }
  var frames = [];

  function mount(root) {
    var elements = root.querySelectorAll('[data-portal-widget]');
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var name = element.getAttribute('data-portal-widget');
      // Own names only: "constructor" or "__proto__" must not find Object's members.
      var widget = own(WIDGETS, name) ? WIDGETS[name] : null;
      if (element.querySelector('iframe[data-portal-frame]') || !widget) {
        if (!widget && window.console) console.warn('portal widget: unknown widget', name);
        continue;
      }
      var url = new URL('/embed/' + name, origin);
      for (var j = 0; j < widget.options.length; j++) {
        var value = element.getAttribute('data-' + widget.options[j]);
        if (value) url.searchParams.set(widget.options[j], value);
      }
      var frame = document.createElement('iframe');
      frame.src = url.href;
      frame.title = widget.title;
      frame.loading = 'lazy';
      // The portal learns which site shows it, not which page of it a reader is on.
      frame.referrerPolicy = 'strict-origin';
      // What a widget needs and no more: its own scripts on its own origin, links that open
      // the portal at the top when the reader clicks, and new tabs that are ordinary pages.
      frame.setAttribute(
        'sandbox',
        'allow-scripts allow-same-origin allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox'
      );
      frame.setAttribute('data-portal-frame', name);
      frame.style.display = 'block';
      frame.style.width = '100%';
      frame.style.height = '200px';
      frame.style.border = '0';
      element.appendChild(frame);
      frames.push(frame);
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !event.data || event.data.type !== MESSAGE) return;
    var height = Number(event.data.height);
    if (!(height > 0 && height < 20000)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
      }
    }
  });

  registry[origin] = { mount: mount };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { mount(document); });
  } else {
    mount(document);
  }
})();
