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
  var registry = (window.__portalWidgets = window.__portalWidgets || {});
  if (registry[origin]) {
    registry[origin].mount(document);
    return;
  }
  var frames = [];

  function mount(root) {
    var elements = root.querySelectorAll('[data-portal-widget]');
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var name = element.getAttribute('data-portal-widget');
      var widget = WIDGETS[name];
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
