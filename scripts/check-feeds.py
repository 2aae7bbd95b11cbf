#!/usr/bin/env python3
"""Checks what the portal offers to other programs, as those programs read it, on a
throw-away server with the fixture content:

- /rss.xml, every category's /rss/{slug}.xml and the documents' /van-ban/rss.xml parse as XML
  and follow RSS 2.0: a channel
  with title, link and description, atom:link rel=self naming the feed, items with an
  absolute link, a guid, an RFC 822 pubDate in +0700 and a description that is text;
- /sitemap.xml follows the sitemap protocol: absolute <loc>s, W3C dates, at most 50,000;
- every link in them answers 200;
- /robots.txt names the sitemap and keeps /quan-tri, /embed and /api out;
- /lich-cong-tac.ics parses with the `icalendar` package, has one event per schedule entry
  of the week, each with a unique UID and a start in Asia/Ho_Chi_Minh, and no line is
  longer than 75 octets.

    python3 scripts/check-feeds.py [--port 18510]

Loopback only. Exits non-zero and lists every problem.
"""

import argparse
import email.utils
import json
import re
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import icalendar

import test_server

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

problems = []


def problem(where, what):
    problems.append(f"{where}: {what}")


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("content-type", ""), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("content-type", ""), err.read()


def check_rss(base, path, links):
    url = base + path
    status, content_type, body = fetch(url)
    if status != 200 or not content_type.startswith("application/rss+xml"):
        problem(path, f"{status} {content_type}")
        return
    try:
        root = ET.fromstring(body)
    except ET.ParseError as err:
        problem(path, f"not XML: {err}")
        return
    if root.tag != "rss" or root.get("version") != "2.0":
        problem(path, f"root <{root.tag} version={root.get('version')}>")
    channel = root.find("channel")
    if channel is None:
        problem(path, "no <channel>")
        return
    for required in ("title", "link", "description"):
        if not (channel.findtext(required) or "").strip():
            problem(path, f"the channel has no <{required}>")
    self_link = channel.find(f"{ATOM}link")
    if self_link is None or self_link.get("rel") != "self" or self_link.get("href") != url:
        problem(path, f"atom:link rel=self is {None if self_link is None else self_link.attrib}")
    links.add(channel.findtext("link"))
    items = channel.findall("item")
    if not items:
        problem(path, "no items")
    if len(items) > 30:
        problem(path, f"{len(items)} items, more than 30")
    dates = []
    for index, item in enumerate(items):
        where = f"{path} item {index}"
        link = item.findtext("link") or ""
        if not re.match(r"^https?://[^/]+/", link):
            problem(where, f"link {link!r} is not absolute")
        links.add(link)
        if not (item.findtext("title") or "").strip():
            problem(where, "no title")
        if (item.findtext("guid") or "") != link:
            problem(where, "the guid is not the link")
        published = item.findtext("pubDate") or ""
        try:
            moment = email.utils.parsedate_to_datetime(published)
        except (TypeError, ValueError):
            problem(where, f"pubDate {published!r} is not RFC 822")
            continue
        if not published.endswith(" +0700"):
            problem(where, f"pubDate {published!r} is not in +0700")
        dates.append(moment)
        if "<" in (item.findtext("description") or ""):
            problem(where, "the description carries markup")
    if dates != sorted(dates, reverse=True):
        problem(path, "items are not newest first")


def check_sitemap(base, links):
    status, content_type, body = fetch(base + "/sitemap.xml")
    if status != 200 or not content_type.startswith("application/xml"):
        problem("/sitemap.xml", f"{status} {content_type}")
        return
    root = ET.fromstring(body)
    if root.tag != f"{SITEMAP}urlset":
        problem("/sitemap.xml", f"root {root.tag}")
        return
    urls = root.findall(f"{SITEMAP}url")
    if not 0 < len(urls) <= 50_000:
        problem("/sitemap.xml", f"{len(urls)} addresses")
    for url in urls:
        loc = url.findtext(f"{SITEMAP}loc") or ""
        lastmod = url.findtext(f"{SITEMAP}lastmod") or ""
        if not loc.startswith(base + "/"):
            problem("/sitemap.xml", f"loc {loc!r} is not this portal's absolute address")
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", lastmod):
            problem("/sitemap.xml", f"{loc}: lastmod {lastmod!r}")
        links.add(loc)
    for kind in ("/tin-tuc/", "/chuyen-muc/", "/van-ban/"):
        if not any(kind in (url.findtext(f"{SITEMAP}loc") or "") for url in urls):
            problem("/sitemap.xml", f"no {kind} address")


def check_robots(base):
    status, _, body = fetch(base + "/robots.txt")
    lines = body.decode().splitlines()
    for line in ("Disallow: /quan-tri", "Disallow: /embed", "Disallow: /api", f"Sitemap: {base}/sitemap.xml"):
        if line not in lines:
            problem("/robots.txt", f"{status}, no line {line!r}")


def check_calendar(base):
    schedule = json.loads(fetch(base + "/api/v1/schedule")[2])
    week = schedule["week"]
    entries = sum(len(day["entries"]) for day in schedule["days"])
    status, content_type, body = fetch(f"{base}/lich-cong-tac.ics?tuan={week}")
    where = f"/lich-cong-tac.ics?tuan={week}"
    if status != 200 or not content_type.startswith("text/calendar"):
        problem(where, f"{status} {content_type}")
        return
    for line in body.split(b"\r\n"):
        if len(line) > 75:
            problem(where, f"a line of {len(line)} octets")
    calendar = icalendar.Calendar.from_ical(body)
    events = calendar.walk("VEVENT")
    if len(events) != entries or entries == 0:
        problem(where, f"{len(events)} events for {entries} entries")
    uids = [str(event.get("UID")) for event in events]
    if len(set(uids)) != len(uids):
        problem(where, "UIDs repeat")
    for event in events:
        start = event.decoded("DTSTART")
        zone = getattr(getattr(start, "tzinfo", None), "key", None) or str(getattr(start, "tzinfo", None))
        if "Ho_Chi_Minh" not in zone:
            problem(where, f"{event.get('SUMMARY')}: starts in {zone}")
        if not str(event.get("SUMMARY") or "").strip():
            problem(where, "an event without a summary")
    again = icalendar.Calendar.from_ical(fetch(f"{base}/lich-cong-tac.ics?tuan={week}")[2])
    if [str(e.get("UID")) for e in again.walk("VEVENT")] != uids:
        problem(where, "UIDs change between downloads")
    for bad in ("2026-W60", "abc"):
        if fetch(f"{base}/lich-cong-tac.ics?tuan={bad}")[0] != 400:
            problem(f"/lich-cong-tac.ics?tuan={bad}", "not a 400")
    status, _, both = fetch(base + "/lich-cong-tac.ics")
    if status != 200:
        problem("/lich-cong-tac.ics", f"{status}")
    else:
        icalendar.Calendar.from_ical(both)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=18510)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    process = test_server.start("check-feeds", args.port)
    try:
        links = set()
        check_rss(base, "/rss.xml", links)
        categories = json.loads(fetch(base + "/api/v1/categories")[2])
        for category in categories:
            if category["article_count"]:
                check_rss(base, f"/rss/{category['slug']}.xml", links)
        if fetch(base + "/rss/khong-co.xml")[0] != 404:
            problem("/rss/khong-co.xml", "not a 404")
        check_rss(base, "/van-ban/rss.xml", links)
        check_sitemap(base, links)
        check_robots(base)
        check_calendar(base)
        for link in sorted(links):
            status = fetch(link)[0]
            if status != 200:
                problem("link", f"{link} answers {status}")
        print(f"feeds: {len(categories) + 2} feeds, the sitemap, robots.txt and the calendar checked; "
              f"{len(links)} links resolved; {len(problems)} problem(s)")
    finally:
        test_server.stop(process)
    for line in problems:
        print("  " + line)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
