#!/usr/bin/env python3
"""Front-end and API benchmark (run by `make bench`, never by `make test`).

Starts the release server on the demo content and prints, side by side with its floor:
  * first-load bytes of the article route (HTML, JS, wasm, CSS as sent, brotli and gzip) and
    the raw wasm size (the reader app), and the same for the map page (the full app);
  * Lighthouse 12.2.3 mobile performance, LCP, FCP, TBT and CLS for the home page, an article,
    a category and a search's results, next to a plain static HTML page of the same article served by the same server,
    with Lighthouse's simulated throttling (its default) and with the throttling applied;
  * wrk requests/second and p99 latency for an article, the first page of the latest
    articles and a search, next to the same JSON bytes served as static files, and, beside a
    PostgreSQL server (PORTAL_TEST_DATABASE_URL, as scripts/with-postgres.sh sets; `make bench`
    starts one), the same answers from a second server on PostgreSQL, as a ratio to SQLite's;
  * the main thread's long tasks on those pages with the CPU slowed 4x, as Chromium counts them
    (scripts/bench-long-tasks.mjs);
  * the time a route change takes to render data already seen (Playwright, Chromium);
  * article search on 100,000 synthetic articles (ARTICLES changes the count) and document
    search on 100,000 synthetic documents (BENCH_DOCUMENTS), the databases built by the
    synthetic_articles and synthetic_documents examples (server/src/synthetic.rs), over HTTP:
    p50, p99 and req/s for each of a mix of queries and for the whole mix, next to the same
    answers served as static files, on SQLite and, beside PostgreSQL, on PostgreSQL.
    `--only articles-search` or `--only documents-search` runs that part alone, `--only pages`
    the first load and Lighthouse (and the table's rows for them); `--engine` runs the search
    on one engine alone (a million articles take the best part of an hour on each), and
    ARTICLES_DB=FILE searches a SQLite database an earlier run built instead of building one;
  * after the article search, issue #24's table: each target's figure next to its goal (the
    document search comes last).
Lighthouse figures are the median of LIGHTHOUSE_RUNS runs (3).
Figures only: nothing passes or fails. Loopback only.
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PORT = int(os.environ.get("BENCH_PORT", "18500"))
BASE = f"http://127.0.0.1:{PORT}"
WORK = os.path.join(ROOT, "target", "bench")
LIGHTHOUSE = os.path.join(ROOT, "target", "bench-tools", "node_modules", "lighthouse", "cli", "index.js")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")


def get(path, encoding="identity"):
    request = urllib.request.Request(BASE + path, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read(), response.headers


def first_load(path):
    """Bytes of the document and its JS, wasm and CSS, as sent with each encoding."""
    page, _ = get(path)
    # Named in attributes, or in the start script the server writes (server/src/app_start.rs).
    assets = re.findall(r'(?:src|href)="(/[^"]+\.(?:js|wasm|css))"|(?:import|fetch)\(\'(/[^\']+\.(?:js|wasm))\'',
                        page.decode())
    assets = sorted({attribute or script for attribute, script in assets})
    sizes = {}
    for encoding in ("br", "gzip", "identity"):
        page_bytes = len(get(path, encoding)[0])
        asset_bytes = {asset: len(get(asset, encoding)[0]) for asset in assets}
        sizes[encoding] = page_bytes + sum(asset_bytes.values())
        if encoding == "br":
            # What the page needs to be read: itself and its stylesheets (the app comes after).
            sizes["readable_br"] = page_bytes + sum(
                size for asset, size in asset_bytes.items() if asset.endswith(".css"))
    wasm = [a for a in assets if a.endswith(".wasm")]
    sizes["wasm_raw"] = len(get(wasm[0])[0]) if wasm else 0
    sizes["wasm_br"] = len(get(wasm[0], "br")[0]) if wasm else 0
    return sizes, assets


def write_floor(dist, article, css):
    """The floor: the same article as plain HTML, and the API's JSON as static files."""
    floor = os.path.join(dist, "floor")
    os.makedirs(floor, exist_ok=True)
    body = article["body_html"]
    page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(article['title'])}</title><link rel="stylesheet" href="{css}"></head>
<body><main class="site-main"><article class="article"><h1 class="article-title">{html.escape(article['title'])}</h1>
<p class="article-meta">{html.escape(article['published_at'])} · {html.escape(article['author'])}</p>
<p class="article-summary">{html.escape(article['summary'])}</p><div class="article-body">{body}</div>
</article></main></body></html>"""
    with open(os.path.join(floor, "article.html"), "w") as f:
        f.write(page)
    for name, path in [("article.json", f"/api/v1/articles/{article['slug']}"),
                       ("latest.json", "/api/v1/articles?page=1"),
                       ("search.json", "/api/v1/articles?q=quoc%20phong")]:
        with open(os.path.join(floor, name), "wb") as f:
            f.write(get(path)[0])
    subprocess.run(["node", os.path.join(ROOT, "scripts", "precompress.mjs"), floor], check=True,
                   stdout=subprocess.DEVNULL)


def lighthouse(url, throttling):
    """`throttling` is Lighthouse's method: "simulate" (its default: a model computes slow-4G
    times from a fast load) or "devtools" (the load really runs throttled)."""
    out = os.path.join(WORK, "lighthouse.json")
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    command = ["node", LIGHTHOUSE, url, "--quiet", "--only-categories=performance",
               f"--throttling-method={throttling}",
               "--output=json", f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}"]
    # Lighthouse now and then loses its Chromium at start; a second run is a fair measure.
    for attempt in (1, 2):
        run = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode == 0:
            break
        if attempt == 2:
            raise RuntimeError(f"lighthouse {url} failed twice: {run.stderr[-2000:]}")
    report = json.load(open(out))
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


LIGHTHOUSE_RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))


def lighthouse_median(url, throttling):
    """The run with the median score of LIGHTHOUSE_RUNS runs: one run's score moves by
    several points on this machine."""
    runs = sorted((lighthouse(url, throttling) for _ in range(LIGHTHOUSE_RUNS)),
                  key=lambda figures: figures["score"])
    return runs[len(runs) // 2]


def wrk_figures(url, script=None):
    """Requests/second and the median and 99th percentile latencies (ms) of wrk -t2 -c32 -d5s;
    `script`: a Lua file choosing each request's path."""
    command = ["wrk", "-t2", "-c32", "-d5s", "--latency", *(["-s", script] if script else []), url]
    result = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", result).group(1))}
    for name, percent in (("p50", "50"), ("p99", "99")):
        found = re.search(percent + r"%\s+([\d.]+)(us|ms|s)", result)
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]
        figures[name] = float(found.group(1)) * scale
    return figures


def wrk(url):
    figures = wrk_figures(url)
    return figures["rps"], figures["p99"]


def navigation_ms(slug):
    script = os.path.join(ROOT, "scripts", "bench-navigation.mjs")
    out = subprocess.run(["node", script, BASE, slug], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def long_tasks(paths):
    """Blocking time and long tasks of each page under a 4x CPU slowdown (median of 7 loads)."""
    script = os.path.join(ROOT, "scripts", "bench-long-tasks.mjs")
    out = subprocess.run(["node", script, BASE, *paths], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def start_server(database, dist, port):
    """A release server on the demo content, answering once it has seeded."""
    server = subprocess.Popen(
        [os.path.join(ROOT, "target", "release", "portal-server"), *database,
         "--dist", dist, "--content", os.path.join(ROOT, "content"), "--addr", f"127.0.0.1:{port}",
         "--visits-per-minute", "100000000"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/site", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"the server on {database[0]} did not start")

# The searches measured at scale: (name, query string of the list's API path). A mix as
# readers type: common words (`huyen` is in 70,000 of 100,000 synthetic articles), with and
# without marks, rare words, a word still being typed (a prefix), 1 to 6 words, with and
# without filters, pages 1 and 5, and words nothing has.
ARTICLE_QUERIES = [
    ("common 'quoc phong'", "q=quoc%20phong"),
    ("'quoc phong', page 5", "q=quoc%20phong&page=5"),
    ("with marks 'quốc phòng'", "q=qu%E1%BB%91c%20ph%C3%B2ng"),
    ("1 common word 'huyen'", "q=huyen"),
    ("'huyen', page 5", "q=huyen&page=5"),
    ("2 common words 'tuyen quan'", "q=tuyen%20quan"),
    ("3 words 'nong thon moi'", "q=nong%20thon%20moi"),
    ("4 words 'cai cach hanh chinh'", "q=cai%20cach%20hanh%20chinh"),
    ("6 words 'tuan tra tren tuyen bien gioi'", "q=tuan%20tra%20tren%20tuyen%20bien%20gioi"),
    ("prefix 'quoc pho'", "q=quoc%20pho"),
    ("prefix 'tiem'", "q=tiem"),
    ("rare 'sa nhan'", "q=sa%20nhan"),
    ("rare 'ubnd'", "q=ubnd"),
    ("no hit 'khong co tu nay'", "q=khong%20co%20tu%20nay"),
    ("'quoc phong' + category", "q=quoc%20phong&category=quoc-phong-an-ninh"),
    ("'huyen' + a year", "q=huyen&from=2020-01-01&to=2020-12-31"),
    ("'huyen' + category + year, p. 5", "q=huyen&category=kinh-te&from=2020-01-01&to=2020-12-31&page=5"),
]
ARTICLE_COUNT = int(os.environ.get("ARTICLES", "100000"))

# The documents' numbers exist in every year of them (a district numbers each year anew);
# `qd` is every decision; the rare words end one abstract in 400 (RARE in synthetic.rs).
DOCUMENT_QUERIES = [
    ("number 125/QĐ-UBND", "q=125%2FQ%C4%90-UBND"),
    ("number '125 qd ubnd'", "q=125%20qd%20ubnd"),
    ("type code 'qd'", "q=qd"),
    ("'qd', page 5", "q=qd&page=5"),
    ("common 'kinh phi'", "q=kinh%20phi"),
    ("common 'kinh phi', page 5", "q=kinh%20phi&page=5"),
    ("common 'xa dong van'", "q=xa%20dong%20van"),
    ("rare 'khe tien'", "q=khe%20tien"),
    ("rare 'cay hoi giong'", "q=cay%20hoi%20giong"),
    ("'kinh phi' + type", "q=kinh%20phi&type=ke-hoach"),
    ("'qd' + year 2021", "q=qd&year=2021"),
    ("'125 qd ubnd' + year 2021", "q=125%20qd%20ubnd&year=2021"),
    ("no words: type + year", "type=quyet-dinh&year=2020"),
    ("no words: newest, page 5", "page=5"),
]
DOCUMENT_COUNT = int(os.environ.get("BENCH_DOCUMENTS", "100000"))

# What each search at scale measures: the synthetic example that builds its database, how
# many items, the API path and the queries.
SEARCHES = {
    "articles": ("synthetic_articles", ARTICLE_COUNT, "/api/v1/articles", ARTICLE_QUERIES),
    "documents": ("synthetic_documents", DOCUMENT_COUNT, "/api/v1/documents", DOCUMENT_QUERIES),
}


def one_at_a_time(url, count=50):
    """The latencies (ms, sorted) of `count` requests sent one after another: what one request
    costs, without the queue wrk's 32 connections make."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        urllib.request.urlopen(url, timeout=30).read()
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def percentile(times, fraction):
    return times[min(len(times) - 1, int(len(times) * fraction))]


def synthetic(example, count, database):
    """Builds the demo content and `count` synthetic items into `database`; what it printed."""
    run = subprocess.run(["cargo", "run", "--release", "-q", "-p", "portal-server", "--example",
                          example, "--", str(count), *database],
                         cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    return run.stdout.strip()


def search_at_scale(kind, dist, results, engines=("SQLite", "PostgreSQL")):
    """Search of `kind` (SEARCHES) on its synthetic database, SQLite and, beside a PostgreSQL
    server, PostgreSQL. Each query alone (50 requests one after another: p50 and p99), then
    under wrk, next to the same answer served as a static file; then the whole mix. Lists are
    kept by the server (answer_cache.rs): "ranked" is a server that keeps none, so every
    request searches; "kept" the server as it runs, whose first request searches and the rest
    are given again. Records the mix's figures in `results[(kind, engine)]`."""
    example, count, api, queries = SEARCHES[kind]
    port = PORT + 2
    floor = os.path.join(dist, "floor", kind)
    os.makedirs(floor, exist_ok=True)
    paths = [f"{api}?{query}" for _, query in queries]
    for engine in engines:
        # A SQLite database an earlier run built, searched as it is.
        reused = os.environ.get("ARTICLES_DB") if (kind, engine) == ("articles", "SQLite") else None
        if reused:
            database = ["--db", reused]
        elif engine == "SQLite":
            database = ["--db", os.path.join(WORK, f"{kind}.db")]
        else:
            database = postgres_database(f"bench_{kind}")
            if not database:
                print("PostgreSQL: no server beside this run (make bench starts one)\n")
                return
        if reused:
            built = f"the database {reused} as an earlier run built it"
        else:
            built = synthetic(example, count, database)
        server = start_server(database, dist, port)
        ranking = start_server([*database, "--answer-cache", "0"], dist, port + 1)
        base, ranking_base = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}"
        try:
            print(f"{kind.capitalize()} search, {engine} ({built}). Alone: 50 requests one after "
                  "another, each ranked afresh and as the server keeps them; then wrk -t2 -c32 -d5s "
                  "(2 cores shared with wrk), next to the same answer as a static file:")
            print(f"  {'answer':<36}{'hits':>8}{'ranked p50':>11}{'p99 ms':>8}"
                  f"{'kept p50':>9}{'p99 ms':>8}{'req/s':>8}{'p99 ms':>8}   {'static req/s':>12}{'ratio':>7}")
            ranked_every, kept_every = [], []
            for index, ((name, _), path) in enumerate(zip(queries, paths)):
                answer = urllib.request.urlopen(base + path).read()
                # The floor is the first engine's answer (the engines answer alike).
                if engine == engines[0]:
                    with open(os.path.join(floor, f"{index}.json"), "wb") as f:
                        f.write(answer)
                found = json.loads(answer)
                hits = f"{'>' if found.get('more_than_total') else ''}{found['total']}"
                ranked = one_at_a_time(ranking_base + path)
                ranked_every += ranked
                alone = one_at_a_time(base + path)
                kept_every += alone
                kept = f"{percentile(alone, 0.5):>9.2f}{percentile(alone, 0.99):>8.2f}"
                figures = wrk_figures(base + path)
                static = wrk_figures(f"{base}/floor/{kind}/{index}.json")
                print(f"  {name:<36}{hits:>8}{percentile(ranked, 0.5):>11.2f}{percentile(ranked, 0.99):>8.2f}"
                      f"{kept}{figures['rps']:>8.0f}{figures['p99']:>8.2f}   {static['rps']:>12.0f}"
                      f"{figures['rps'] / static['rps']:>7.2f}")
            ranked_every.sort()
            kept_every.sort()
            # What any request costs here, one at a time (a new connection each, as urllib
            # opens them): the same answers as static files from the same server.
            static_every = sorted(latency for index in range(len(paths)) for latency in
                                  one_at_a_time(f"{base}/floor/{kind}/{index}.json"))
            mix = wrk_figures(base + "/", mix_script(paths, f"{kind}-mix.lua"))
            static_mix = wrk_figures(base + "/", mix_script(
                [f"/floor/{kind}/{index}.json" for index in range(len(paths))], f"{kind}-floor.lua"))
            mix.update(ranked_p50=percentile(ranked_every, 0.5), ranked_p99=percentile(ranked_every, 0.99),
                       ratio=mix["rps"] / static_mix["rps"], static_p50=percentile(static_every, 0.5),
                       static_p99=percentile(static_every, 0.99))
            mix.update(kept_p50=percentile(kept_every, 0.5), kept_p99=percentile(kept_every, 0.99))
            kept = f"{mix['kept_p50']:>9.2f}{mix['kept_p99']:>8.2f}"
            results[(kind, engine)] = mix
            print(f"  {'the mix (every request above)':<36}{'':>8}{mix['ranked_p50']:>11.2f}"
                  f"{mix['ranked_p99']:>8.2f}{kept}{mix['rps']:>8.0f}{mix['p99']:>8.2f}   "
                  f"{static_mix['rps']:>12.0f}{mix['ratio']:>7.2f}")
            print(f"  {'the same answers as static files':<36}{'':>8}{mix['static_p50']:>11.2f}"
                  f"{mix['static_p99']:>8.2f}   (the floor: what a request costs on this machine)\n")
        finally:
            for running in (server, ranking):
                running.terminate()
                running.wait()


def mix_script(paths, name):
    """A wrk script asking for `paths` in turn; its file."""
    script = os.path.join(WORK, name)
    with open(script, "w") as f:
        f.write("local paths = {" + ", ".join(json.dumps(path) for path in paths) + "}\n"
                "local at = 0\n"
                "request = function()\n"
                "  at = at % #paths + 1\n"
                "  return wrk.format(\"GET\", paths[at])\n"
                "end\n")
    return script



def postgres_database(name="bench"):
    """`--database-url` of a new database on the PostgreSQL server beside us, if there is one."""
    server_url = os.environ.get("PORTAL_TEST_DATABASE_URL")
    if not server_url:
        return None
    psql = os.path.join(os.environ["PG_BIN"], "psql")
    subprocess.run([psql, "-X", "-q", f"{server_url} dbname=postgres", "-c", f"CREATE DATABASE {name}"],
                   check=True)
    return ["--database-url", f"{server_url} dbname={name}"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["pages", "articles-search", "documents-search"],
                        help="run this part alone")
    parser.add_argument("--engine", choices=["SQLite", "PostgreSQL"],
                        help="with --only articles-search or documents-search: this engine alone")
    args = parser.parse_args()
    only = args.only
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    dist = os.path.join(WORK, "dist")
    searches = {}
    if only and only != "pages":
        # The API and static files are all it asks for: no need of a built app.
        os.makedirs(dist)
        engines = (args.engine,) if args.engine else ("SQLite", "PostgreSQL")
        search_at_scale(only.removesuffix("-search"), dist, searches, engines)
        return
    shutil.copytree(os.path.join(ROOT, "dist"), dist)
    server = start_server(["--db", os.path.join(WORK, "portal.db")], dist, PORT)
    pages = {}
    try:
        latest = json.loads(get("/api/v1/articles?per_page=1")[0])
        slug = latest["items"][0]["slug"]
        category = latest["items"][0]["category"]["slug"]
        article = json.loads(get(f"/api/v1/articles/{slug}")[0])
        sizes, assets = first_load(f"/tin-tuc/{slug}")
        css = next(a for a in assets if a.endswith(".css"))
        write_floor(dist, article, css)
        floor_sizes, _ = first_load("/floor/article.html")

        print(f"Benchmark on {BASE} (demo content; article /tin-tuc/{slug})\n")
        print("First load of the article route (HTML + JS + wasm + CSS, bytes as sent):")
        print(f"  brotli {sizes['br']:>9,}   gzip {sizes['gzip']:>9,}   uncompressed {sizes['identity']:>9,}")
        print(f"  wasm alone: raw {sizes['wasm_raw']:,}, brotli {sizes['wasm_br']:,}")
        print(f"  of which the page needs to be read (HTML + CSS; the app after its first paint): "
              f"brotli {sizes['readable_br']:,}")
        print(f"  floor (static HTML + CSS): brotli {floor_sizes['br']:,}   ratio {sizes['br'] / floor_sizes['br']:.1f}x")
        map_sizes, _ = first_load("/ban-do")
        print(f"  the map page (the full app, index.html): brotli {map_sizes['br']:,}, "
              f"wasm raw {map_sizes['wasm_raw']:,}, brotli {map_sizes['wasm_br']:,}")
        leaflet = sum(len(get(f"/leaflet/leaflet.{ext}", "br")[0]) for ext in ("js", "css"))
        print(f"  the map page adds Leaflet (JS + CSS): brotli {leaflet:,}")
        loader = {encoding: len(get("/embed.js", encoding)[0]) for encoding in ("identity", "gzip", "br")}
        print(f"  embed loader /embed.js: raw {loader['identity']:,}, gzip {loader['gzip']:,}, "
              f"brotli {loader['br']:,}\n")

        # The pages Lighthouse and the long tasks are measured on (the floor: Lighthouse's alone).
        page_paths = [("home", "/"), ("article", f"/tin-tuc/{slug}"), ("category", f"/chuyen-muc/{category}"),
                      ("search results", "/tim-kiem?q=quoc%20phong")]
        if os.path.exists(LIGHTHOUSE):
            urls = [(name, BASE + path)
                    for name, path in [*page_paths, ("article floor (static)", "/floor/article.html")]]
            for throttling, title in [
                ("simulate", "Lighthouse 12.2.3, mobile (simulated slow 4G, 4x CPU slowdown; the default)"),
                ("devtools", "Lighthouse 12.2.3, mobile, the same throttling applied to a real load (devtools)"),
            ]:
                print(f"{title}, the median of {LIGHTHOUSE_RUNS} runs:")
                print(f"  {'page':<22}{'score':>6}{'LCP ms':>9}{'FCP ms':>9}{'TBT ms':>9}{'CLS':>7}")
                for name, url in urls:
                    figures = lighthouse_median(url, throttling)
                    pages[(name, throttling)] = figures
                    print(f"  {name:<22}{figures['score']:>6}{figures['lcp']:>9.0f}{figures['fcp']:>9.0f}"
                          f"{figures['tbt']:>9.0f}{figures['cls']:>7.3f}")
                floor_lcp = pages[("article floor (static)", throttling)]["lcp"]
                print(f"  article LCP / floor LCP: {pages[('article', throttling)]['lcp'] / floor_lcp:.2f}x\n")
        else:
            print("Lighthouse: not installed (make bench installs it into target/bench-tools)\n")

        tasks = long_tasks([path for _, path in page_paths])
        print("Long tasks in Chromium with the CPU slowed 4x (the browser's own longtask entries, "
              "median of 7 loads, until the app has taken over):")
        print(f"  {'page':<22}{'blocking ms':>12}   tasks after the first paint, ms")
        for name, path in page_paths:
            figures = tasks[path]
            print(f"  {name:<22}{figures['blocking']:>12}   {' + '.join(map(str, figures['tasks'])) or '-'}")
        print()
        if only == "pages":
            targets(sizes, pages, searches)
            return

        answers = [
            ("article", f"/api/v1/articles/{slug}", "/floor/article.json"),
            ("latest, page 1", "/api/v1/articles?page=1", "/floor/latest.json"),
            ("search 'quoc phong'", "/api/v1/articles?q=quoc%20phong", "/floor/search.json"),
        ]
        print("API throughput on the demo content, wrk -t2 -c32 -d5s on loopback (2 cores shared "
              "with wrk), SQLite:")
        print(f"  {'answer':<26}{'req/s':>10}{'p99 ms':>9}   {'static req/s':>12}{'p99 ms':>9}{'ratio':>7}")
        sqlite_rps = {}
        for name, api, static in answers:
            rps, p99 = wrk(BASE + api)
            static_rps, static_p99 = wrk(BASE + static)
            sqlite_rps[name] = rps
            print(f"  {name:<26}{rps:>10.0f}{p99:>9.2f}   {static_rps:>12.0f}{static_p99:>9.2f}{rps / static_rps:>7.2f}")
        print()
        database = postgres_database()
        if database:
            pg_port = PORT + 1
            pg_server = start_server(database, dist, pg_port)
            try:
                print("The same on PostgreSQL (one server process, the database on the same machine, "
                      "over a Unix socket):")
                print(f"  {'answer':<26}{'req/s':>10}{'p99 ms':>9}   {'SQLite req/s':>12}{'PG/SQLite':>10}")
                for name, api, _ in answers:
                    rps, p99 = wrk(f"http://127.0.0.1:{pg_port}{api}")
                    print(f"  {name:<26}{rps:>10.0f}{p99:>9.2f}   {sqlite_rps[name]:>12.0f}"
                          f"{rps / sqlite_rps[name]:>10.2f}")
            finally:
                pg_server.terminate()
                pg_server.wait()
        else:
            print("PostgreSQL: no server beside this run (make bench starts one)")
        print()
        nav = navigation_ms(slug)
        print("Route change to data already seen (click to heading shown, Chromium, median of 5):")
        print(f"  back to the article: {nav['back_ms']:.0f} ms; to a category seen before: {nav['category_ms']:.0f} ms\n")
    finally:
        server.terminate()
        server.wait()
    search_at_scale("articles", dist, searches)
    targets(sizes, pages, searches)
    print()
    search_at_scale("documents", dist, searches)


def targets(sizes, pages, searches):
    """Issue #24's table: each target's figure from this run, next to its goal."""
    rows = [("article first load, brotli", f"{sizes['br'] / 1000:.0f} KB", "<= 200 KB")]
    for name in ["home", "article", "category", "search results"]:
        simulated, applied = pages.get((name, "simulate")), pages.get((name, "devtools"))
        if simulated and applied:
            rows.append((f"{name}, Lighthouse mobile, simulated / applied",
                         f"{simulated['score']} / {applied['score']}", ">= 95 / >= 95"))
            rows.append((f"{name}, Total Blocking Time, simulated / applied",
                         f"{simulated['tbt']:.0f} / {applied['tbt']:.0f} ms", "<= 200 ms"))
    for engine in ["SQLite", "PostgreSQL"]:
        mix = searches.get(("articles", engine))
        if mix:
            rows.append((f"search p50 / p99 on {ARTICLE_COUNT:,} articles, {engine}, ranked",
                         f"{mix['ranked_p50']:.1f} / {mix['ranked_p99']:.1f} ms", "<= 3 / <= 10 ms"))
            rows.append((f"  the same, as the server keeps answers",
                         f"{mix['kept_p50']:.1f} / {mix['kept_p99']:.1f} ms", "<= 3 / <= 10 ms"))
            rows.append((f"  floor, the same answers as static files",
                         f"{mix['static_p50']:.1f} / {mix['static_p99']:.1f} ms", ""))
            rows.append((f"search throughput, {engine}, x a static file",
                         f"{mix['ratio']:.2f}x", ">= 0.5x"))
    print("Targets (issue #24; the search rows are the mix above, one request at a time):")
    print(f"  {'target':<58}{'now':>16}   goal")
    for target, now, goal in rows:
        print(f"  {target:<58}{now:>16}   {goal}")


if __name__ == "__main__":
    sys.exit(main())
