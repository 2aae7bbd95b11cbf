#!/usr/bin/env python3
"""Sanity checks for the demo content of the Bình Liêu district portal.

Usage: python3 scripts/check-content.py   (from any directory)
Standard library only.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from datetime import datetime, timedelta

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content")
ART_DIR = os.path.join(HERE, "articles")
TZ = timedelta(hours=7)
LATEST = datetime.fromisoformat("2026-11-27T23:59:59+07:00")
ALLOWED_TAGS = {"p", "h2", "ul", "li", "strong", "em", "blockquote",
                "table", "thead", "tbody", "tr", "th", "td"}
REQUIRED_KEYS = {"title", "category", "published_at", "author", "summary", "body_html", "featured"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


KINDS = {"huyen", "xa-thi-tran", "tru-so", "cua-khau", "truong-hoc", "y-te", "cho", "du-lich"}
# The district lies roughly within these bounds (content notes): a demo place outside is a typo.
LAT, LNG = (21.40, 21.70), (107.20, 107.60)


def slugify(title):
    """The server's slug of a title: folded to ASCII, words joined by '-'."""
    folded = unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def check_map(category_slugs, article_slugs):
    features = load(os.path.join(HERE, "map.geojson"))["features"]
    ids = [f["id"] for f in features]
    assert len(ids) == len(set(ids)), "map.geojson: duplicate ids"
    for f in features:
        props, geometry = f["properties"], f["geometry"]
        where = "map.geojson %s" % f["id"]
        assert props["kind"] in KINDS, "%s: unknown kind %s" % (where, props["kind"])
        # Demo geometry is drawn by hand: it must say so.
        assert props["approximate"] is True, "%s: demo places must be marked approximate" % where
        if geometry["type"] == "Point":
            positions = [geometry["coordinates"]]
        else:
            positions = geometry["coordinates"][0]
            assert positions[0] == positions[-1], "%s: outline not closed" % where
        for lng, lat in positions:
            assert LAT[0] <= lat <= LAT[1] and LNG[0] <= lng <= LNG[1], \
                "%s: [%s, %s] is outside the district ([longitude, latitude])" % (where, lng, lat)
        link = props.get("link")
        if link:
            known = category_slugs if link["target"] == "category" else article_slugs
            assert link["slug"] in known, "%s: link to unknown %s %s" % (where, link["target"], link["slug"])
    print("Map: %d places, all approximate, inside the district, links resolve" % len(features))


DOC_DIR = os.path.join(HERE, "documents")
DOC_KEYS = {"number", "type", "issuer", "signer", "issued_on", "field", "summary", "files"}
# What each kind of attached file starts with (the import checks more; this catches a stale
# or misnamed file before a server refuses it).
SIGNATURES = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04", ".xlsx": b"PK\x03\x04"}


def check_documents():
    """content/documents/documents.json: the demo library the server seeds, with its files
    (made by scripts/make-document-pdfs.py)."""
    documents = load(os.path.join(DOC_DIR, "documents.json"))
    slugs = [d.get("slug") for d in documents if d.get("slug")]
    assert len(slugs) == len(set(slugs)), "documents: duplicate slugs"
    numbers = Counter(d["number"] for d in documents)
    assert not [n for n, c in numbers.items() if c > 1], "documents: duplicate numbers"
    for d in documents:
        where = "document %s" % d.get("number", "?")
        missing = DOC_KEYS - d.keys()
        assert not missing, "%s: missing keys %s" % (where, sorted(missing))
        for day in ("issued_on", "effective_on", "expires_on"):
            if d.get(day):
                datetime.strptime(d[day], "%Y-%m-%d")
        assert datetime.strptime(d["issued_on"], "%Y-%m-%d") <= LATEST.replace(tzinfo=None), \
            "%s: issued after the demo's last day" % where
        tags = set(re.findall(r"</?([a-zA-Z0-9]+)[^>]*>", d.get("body_html", "")))
        assert tags <= ALLOWED_TAGS, "%s: disallowed tags %s" % (where, sorted(tags - ALLOWED_TAGS))
        assert d["files"], "%s: no file" % where
        for f in d["files"]:
            path = os.path.join(DOC_DIR, f["path"])
            assert os.path.isfile(path), "%s: missing %s (run scripts/make-document-pdfs.py)" % (where, f["path"])
            extension = os.path.splitext(path)[1]
            with open(path, "rb") as data:
                assert data.read(5).startswith(SIGNATURES[extension]), "%s: %s is not a %s" % (where, f["path"], extension)
        for relation in ("replaces", "amends", "guides"):
            for target in d.get(relation, []):
                assert target in slugs, "%s: %s unknown %s" % (where, relation, target)
    types = Counter(d["type"] for d in documents)
    replaced = {t for d in documents for t in d.get("replaces", [])}
    expired = [d for d in documents if d.get("expires_on") and d["expires_on"] <= "2026-11-27"]
    assert len(documents) >= 40 and len(types) >= 6, "documents: at least 40, of 6 types"
    assert len(replaced) >= 2 and expired, "documents: two replaced, one expired"
    assert any(d["number"] == "125/QĐ-UBND" for d in documents), "documents: 125/QĐ-UBND"
    print("Documents: %d, %d types (%s), %d fields, %d replaced, %d expired"
          % (len(documents), len(types), ", ".join("%s %d" % kv for kv in sorted(types.items())),
             len({d["field"] for d in documents}), len(replaced), len(expired)))


def main():
    site = load(os.path.join(HERE, "site.json"))
    for k in ("name", "short_name", "description", "contacts"):
        assert site.get(k), "site.json: missing %s" % k

    cats = load(os.path.join(HERE, "categories.json"))
    slugs = [c["slug"] for c in cats]
    assert len(slugs) == len(set(slugs)) == 8, "categories: expected 8 unique slugs"

    articles = []
    for slug in slugs:
        path = os.path.join(ART_DIR, slug + ".json")
        assert os.path.exists(path), "missing %s" % path
        data = load(path)
        assert isinstance(data, list), "%s: not a JSON array" % path
        articles.extend(data)
    extra = set(f[:-5] for f in os.listdir(ART_DIR) if f.endswith(".json")) - set(slugs)
    assert not extra, "article files for unknown categories: %s" % sorted(extra)

    titles, stamps, dates = Counter(), Counter(), []
    for a in articles:
        where = a.get("title", "?")
        missing = REQUIRED_KEYS - a.keys()
        assert not missing, "%s: missing keys %s" % (where, sorted(missing))
        assert a["category"] in slugs, "%s: unknown category %s" % (where, a["category"])
        assert isinstance(a["featured"], bool), "%s: featured not bool" % where
        titles[a["title"]] += 1
        stamps[a["published_at"]] += 1

        assert a["published_at"].endswith("+07:00"), "%s: offset must be +07:00" % where
        dt = datetime.fromisoformat(a["published_at"])
        assert dt.utcoffset() == TZ, "%s: bad offset" % where
        assert dt <= LATEST, "%s: date after 2026-11-27" % where
        dates.append(dt)

        body = a["body_html"]
        n_p = len(re.findall(r"<p>", body))
        assert n_p >= 4, "%s: only %d <p>" % (where, n_p)
        tags = set(re.findall(r"</?([a-zA-Z0-9]+)[^>]*>", body))
        assert tags <= ALLOWED_TAGS, "%s: disallowed tags %s" % (where, sorted(tags - ALLOWED_TAGS))
        assert not re.search(r"<[a-z0-9]+\s", body), "%s: attributes in HTML" % where
        assert body.count("<p>") == body.count("</p>"), "%s: unbalanced <p>" % where
        first = re.match(r"<p>(.*?)</p>", body).group(1)
        assert re.match(r"Ngày \d{1,2}/\d{1,2}/20\d\d[ ,]", first), "%s: lead must open with the date" % where

    dup_t = [t for t, n in titles.items() if n > 1]
    dup_d = [d for d, n in stamps.items() if n > 1]
    assert not dup_t, "duplicate titles: %s" % dup_t
    assert not dup_d, "duplicate published_at: %s" % dup_d

    per_cat = Counter(a["category"] for a in articles)
    featured = [a for a in articles if a["featured"]]
    print("Articles per category:")
    for c in cats:
        print("  %-20s %-24s %3d" % (c["slug"], c["name"], per_cat[c["slug"]]))
    print("Total articles: %d" % len(articles))
    print("Featured: %d (%s)" % (len(featured),
          ", ".join("%s %s" % (a["category"], a["published_at"][:10]) for a in featured)))
    print("Date range: %s .. %s" % (min(dates).isoformat(), max(dates).isoformat()))
    print("Per year: %s" % dict(sorted(Counter(d.year for d in dates).items())))
    print("OK: titles unique, published_at unique (+07:00), categories valid, every body has >= 4 <p>")
    check_map(set(slugs), {a.get("slug") or slugify(a["title"]) for a in articles})
    check_documents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
