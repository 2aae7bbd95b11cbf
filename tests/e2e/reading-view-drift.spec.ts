import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '../support/loopback';
import { categories, links as linkGroups, mainArticle, notices, schedule } from '../support/fixture.mjs';

// The reading view (server/src/reading_view/) copies the app's markup by hand: the header
// with the portal's name and category menu, and on an article's page the breadcrumb and the
// article, so the page looks the same before and after the app takes over (README "Pages
// arrive readable"). Two renderers of one markup drift apart silently; this test fails when
// they do. For the same page it reads the reading view (JavaScript off: the server's HTML
// alone) and the app (after it has taken over) and compares them element by element: tag
// name, classes, role and aria-* attributes, href and datetime, and text (headings', links' and
// times' whole text, every other element's own text), and for each compared part the chain
// of elements around it up to the page (so a renamed layout wrapper shows too).
//
// Compared: the header (`header`: the name `a.site-name` and the menu `nav.main-menu`), and
// on an article's page the breadcrumb (`main nav`) and the article (`main article`: title,
// time, author, summary, body); on a document's page the breadcrumb and the document
// (`main article`: title, abstract, facts, status, body, files, related documents); on a
// question's, a procedure's (facts, checklist with its forms, steps, ways, legal bases), the
// introduction's and the organisation's page (its tree of units) the breadcrumb and the
// `main article`; on a category's pages the whole `main` (name, total, the articles, the page
// links); on the home page its main column (the featured news, the newest documents and
// answers, a block for each category); on the search page the whole `main` (its form, the
// hits with their marked words, the page links, the documents); on the schedule's the whole
// `main` (the week's links and range, each day with its entries); on the linked websites'
// the whole `main` (each group with its websites); on the English home page the whole
// `main` (the news, the district at a glance); on the documents library, the procedures'
// and the questions' lists the whole `main` (the filters' form, the total, the items, the
// page links).
//
// Left out on purpose, because the reading view cannot have them (they need the script or
// data the server does not put into the page):
// - in the header: the text size buttons (`.utility-bar`: they work by script and keep the
//   size in local storage), the phone menu button (`.menu-button`: it opens the menu by
//   script) and the search box (`header form[role="search"]`: the search page's own form
//   is compared);
// - in the article or the document: the print button (`.article-tools`: it calls
//   `window.print()`), the share actions (`.share-actions`: the share sheet and the clipboard
//   need the script) and the address shown only on paper (`.article-address`: print-only,
//   written by the app from `window.location`);
// - everything outside the compared parts, which the reading view does not carry at all: the
//   skip link, the route announcer and the network status (all script-driven), the feedback
//   button and form under the article, "was this useful?" under both, the related articles
//   and the sidebar (API data the server does not render), the footer.
// Attributes not compared: `id` and `tabindex` (the app's `main#main[tabindex=-1]` is the
// skip link's target, and `nav#main-menu` the menu button's, both of which the view lacks).
const APP_ONLY = [
  '.utility-bar',
  '.menu-button',
  'header form[role="search"]',
  '.article-tools',
  '.share-actions',
  '.article-address',
];

/** Where to find each compared part, inside the app's body or the reading view's root. */
const PARTS = {
  header: 'header',
  breadcrumb: 'main nav',
  article: 'main article',
  /** A list page's whole content: its heading, total, items and page links. */
  list: 'main',
  /** The home page's main column: the featured news and every block beside the sidebar. */
  home: 'main .main-column',
} as const;

type Part = keyof typeof PARTS;

interface MarkupNode {
  tag: string;
  class?: string;
  attributes?: Record<string, string>;
  text?: string;
  children?: MarkupNode[];
}

interface Described {
  /** The elements from the root down to the part, the part excluded: tag and classes. */
  around: string[];
  tree: MarkupNode;
}

/** The parts of the page below `root`, described for comparison (run in the page). */
async function describe(page: Page, root: string, parts: Part[]): Promise<Record<string, Described | null>> {
  return page.evaluate(
    ({ root, parts, excluded, selectors }) => {
      const rootElement = document.querySelector(root);
      if (!rootElement) throw new Error(`no ${root} on the page`);
      const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
      const classes = (element: Element) => [...element.classList].sort().join(' ');
      const wholeText = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'time']);
      const compared = (name: string) =>
        name === 'role' || name.startsWith('aria-') || name === 'href' || name === 'datetime';
      const skip = (element: Element) => excluded.some((selector) => element.matches(selector));

      const node = (element: Element): MarkupNode => {
        const described: MarkupNode = { tag: element.localName };
        if (classes(element)) described.class = classes(element);
        const attributes = Object.fromEntries(
          [...element.attributes]
            .filter((attribute) => compared(attribute.name))
            .map((attribute) => [attribute.name, attribute.value])
            .sort(([a], [b]) => a.localeCompare(b)),
        );
        if (Object.keys(attributes).length > 0) described.attributes = attributes;
        const text = wholeText.has(element.localName)
          ? squash(element.textContent)
          : // Adjacent text nodes read as one text (the app draws a marked passage as one node
            // per part); an element between them separates them.
            squash(
              [...element.childNodes]
                .map((child) =>
                  child.nodeType === Node.TEXT_NODE ? child.textContent : child.nodeType === Node.ELEMENT_NODE ? ' ' : '',
                )
                .join(''),
            );
        if (text) described.text = text;
        const children = [...element.children].filter((child) => !skip(child)).map(node);
        if (children.length > 0) described.children = children;
        return described;
      };

      return Object.fromEntries(
        parts.map((part) => {
          const element = rootElement.querySelector(selectors[part]);
          if (!element) return [part, null];
          const around: string[] = [];
          for (let up = element.parentElement; up && up !== rootElement; up = up.parentElement) {
            around.unshift([up.localName, ...[...up.classList].sort()].join('.'));
          }
          return [part, { around, tree: node(element) }];
        }),
      );
    },
    { root, parts, excluded: APP_ONLY, selectors: PARTS as Record<string, string> },
  );
}

/** Every link's text in a described tree, in order. */
function links(node: MarkupNode | undefined): string[] {
  if (!node) return [];
  return [...(node.tag === 'a' ? [node.text ?? ''] : []), ...(node.children ?? []).flatMap(links)];
}

function find(node: MarkupNode | undefined, tag: string): MarkupNode[] {
  if (!node) return [];
  return [...(node.tag === tag ? [node] : []), ...(node.children ?? []).flatMap((child) => find(child, tag))];
}

/** The demo document the fixture copies (content/documents), with a body, a file and relations. */
const mainDocument = {
  slug: '125-qd-ubnd-quy-che-lam-viec-ubnd-huyen',
  title: 'Quyết định 125/QĐ-UBND',
  facts: ['Số ký hiệu', 'Loại văn bản', 'Cơ quan ban hành', 'Người ký', 'Ngày ban hành', 'Ngày hiệu lực', 'Ngày hết hiệu lực', 'Lĩnh vực', 'Tình trạng'],
};

/** The first of the answered questions the fixture copies (content/questions.json). */
const mainQuestion = { title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu', asker: 'Bạn Thắng hỏi' };

/** The procedure the checks use (content/procedures.json): a form, an illustrative note. */
const mainProcedure = {
  slug: 'dang-ky-khai-sinh',
  title: 'Đăng ký khai sinh',
  facts: ['Mã thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Kết quả'],
  sections: ['Thành phần hồ sơ', 'Trình tự thực hiện', 'Cách thức thực hiện', 'Căn cứ pháp lý'],
};

/** The English news and introduction (content/en). */
const englishNews: Array<{ slug: string; title: string }> = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'content', 'en', 'articles.json'), 'utf8'),
);
const englishAbout: { title: string } = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'content', 'en', 'pages', 'gioi-thieu.json'), 'utf8'),
);

/** The introduction's title (content/pages/gioi-thieu.json). */
const aboutTitle = 'Giới thiệu huyện Bình Liêu';

/** [name, path, parts compared, the page's h1 when it has content of its own] */
const PAGES: Array<[string, string, Part[], string?]> = [
  ['an article', `/tin-tuc/${mainArticle.slug}`, ['header', 'breadcrumb', 'article'], mainArticle.title],
  ['a document', `/van-ban/${mainDocument.slug}`, ['header', 'breadcrumb', 'article'], mainDocument.title],
  ['the home page', '/', ['header', 'home']],
  ['a category', '/chuyen-muc/thong-bao', ['header', 'list']],
  ["a category's second page", '/chuyen-muc/thong-bao?trang=2', ['header', 'list']],
  ['the documents library', '/van-ban', ['header', 'list']],
  ['the decisions of 2026', '/van-ban?loai=quyet-dinh&nam=2026', ['header', 'list']],
  ['documents found by number', '/van-ban?q=125', ['header', 'list']],
  ['documents without a match', '/van-ban?q=zzzz&loai=quyet-dinh', ['header', 'list']],
  ["a page past the documents' last", '/van-ban?trang=9', ['header', 'list']],
  ['the schedule', '/lich-cong-tac', ['header', 'list']],
  ['a week without entries, at the edge of the calendar', '/lich-cong-tac?tuan=2100-W52', ['header', 'list']],
  ['a week that does not exist', '/lich-cong-tac?tuan=2026-W99', ['header', 'list']],
  ['the linked websites', '/lien-ket', ['header', 'list']],
  ['the search page', '/tim-kiem', ['header', 'list']],
  ['a search', '/tim-kiem?q=thong%20bao', ['header', 'list']],
  ["a search's second page", '/tim-kiem?q=thong%20bao&trang=2', ['header', 'list']],
  ['a search without hits', '/tim-kiem?q=kh%C3%B4ng%20c%C3%B3&chuyen-muc=thong-bao&tu-ngay=2024-01-01', ['header', 'list']],
  ['a question', '/hoi-dap/PH-2026-000001', ['header', 'breadcrumb', 'article'], mainQuestion.title],
  ['the questions', '/hoi-dap', ['header', 'list']],
  ['the questions of a field', '/hoi-dap?linh-vuc=dat-dai&q=giay', ['header', 'list']],
  ['questions without a match', '/hoi-dap?q=zzzz', ['header', 'list']],
  ['a procedure', `/thu-tuc/${mainProcedure.slug}`, ['header', 'breadcrumb', 'article'], mainProcedure.title],
  ['the procedures', '/thu-tuc', ['header', 'list']],
  ["the procedures' third page", '/thu-tuc?trang=3', ['header', 'list']],
  ['the procedures of a field and a level', '/thu-tuc?linh-vuc=ho-tich&muc-do=cap-xa&q=dang%20ky', ['header', 'list']],
  ['procedures of a level that does not exist', '/thu-tuc?muc-do=cap-vu-tru', ['header', 'list']],
  ['procedures without a match', '/thu-tuc?q=zzzz', ['header', 'list']],
  ['the introduction', '/gioi-thieu', ['header', 'breadcrumb', 'article'], aboutTitle],
  ['the organisation', '/co-cau-to-chuc', ['header', 'breadcrumb', 'article'], 'Cơ cấu tổ chức'],
  ['the English home page', '/en', ['header', 'list']],
  ['an English search', '/en/search?q=district', ['header', 'list']],
  ['an English article', `/en/news/${englishNews[0].slug}`, ['header', 'breadcrumb', 'article'], englishNews[0].title],
  ['the English introduction', '/en/about', ['header', 'breadcrumb', 'article'], englishAbout.title],
  ['the English organisation', '/en/organization', ['header', 'breadcrumb', 'article'], 'Organisation'],
  ['the English contacts', '/en/contact', ['header', 'breadcrumb', 'article'], 'Contact'],
];

for (const [name, path, parts, heading] of PAGES) {
  test(`the reading view of ${name} has the app's markup`, async ({ page, browser }, testInfo) => {
    // The reading view alone: the page as the server sends it, without JavaScript.
    const context = await browser.newContext({
      javaScriptEnabled: false,
      baseURL: String(testInfo.project.use.baseURL),
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await context.route(
      (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
      (route) => route.abort('internetdisconnected'),
    );
    const withoutScript = await context.newPage();
    await withoutScript.goto(path);
    await expect(withoutScript.locator('#server-page')).toHaveCount(1);
    const view = await describe(withoutScript, '#server-page', parts);
    await context.close();

    // The app, once it has taken over (the loopback `goto` waits for that) and drawn the menu.
    await page.goto(path);
    await expect(page.locator('#server-page')).toHaveCount(0);
    // The English menu: home, about, organisation, contact.
    await expect(page.locator('header nav li')).toHaveCount(path.startsWith('/en') ? 4 : categories.length + 5);
    if (heading) await expect(page.locator('main article h1')).toHaveText(heading);
    const app = await describe(page, 'body', parts);

    for (const part of parts) {
      expect(view[part], `the reading view has no ${PARTS[part]}`).not.toBeNull();
      expect(app[part], `the app has no ${PARTS[part]}`).not.toBeNull();
      expect(view[part], `${name}: the ${part} differs between the reading view (received) and the app (expected)`).toEqual(
        app[part],
      );
    }

    // Not a comparison of two empty trees: the parts hold what a reader sees.
    expect(links(view.header!.tree)).toEqual(
      path.startsWith('/en')
        ? [expect.stringContaining('Bình Liêu District Portal'), 'Home', 'About', 'Organisation', 'Contact']
        : [
            expect.stringContaining('Cổng thông tin điện tử'),
            'Trang chủ',
            ...categories.map((category) => category.name),
            'Văn bản',
            'Hỏi đáp',
            'Thủ tục',
            'Giới thiệu',
          ],
    );
    if (path.startsWith('/chuyen-muc/thong-bao')) {
      // The notices, ten a page, newest first, and the links to the three pages.
      const list = view.list!.tree;
      const first = path.endsWith('trang=2') ? 10 : 0;
      expect(find(list, 'h1').map((h1) => h1.text)).toEqual(['Thông báo']);
      expect(find(list, 'h2').map((h2) => h2.text)).toEqual(notices.slice(first, first + 10).map((notice) => notice.title));
      expect(find(list, 'time')).toHaveLength(10);
      expect(links(find(list, 'nav')[0])).toEqual(
        first === 0 ? ['1', '2', '3', 'Sau ›'] : ['‹ Trước', '1', '2', '3', 'Sau ›'],
      );
    }
    if (path.startsWith('/tim-kiem?q=thong')) {
      // The notices' words: a page of ten hits with the words marked, the page links, and
      // the documents the words find.
      const list = view.list!.tree;
      expect(find(list, 'h1').map((h1) => h1.text)).toEqual(['Tìm kiếm']);
      expect(find(list, 'ol')[0]!.children).toHaveLength(10);
      expect(find(list, 'mark').length).toBeGreaterThan(10);
      expect(links(find(list, 'nav')[0])).toEqual(expect.arrayContaining(['1', '2', 'Sau ›']));
      expect(find(list, 'h2').map((h2) => h2.text)).toEqual(['Kết quả tìm kiếm', 'Văn bản']);
      expect(find(list, 'option').map((option) => option.text)).toEqual(['Tất cả chuyên mục', ...categories.map((category) => category.name)]);
    }
    if (path.startsWith('/lich-cong-tac')) {
      // This week's two entries under their days; an empty week says so; a week that does not
      // exist links to this one.
      const list = view.list!.tree;
      expect(find(list, 'h1').map((h1) => h1.text)).toEqual(['Lịch công tác']);
      const thisWeek = schedule.filter((entry) => entry.week_offset === 0);
      if (path === '/lich-cong-tac') {
        expect(find(list, 'h2')).toHaveLength(thisWeek.length);
        expect(find(list, 'dd').map((dd) => dd.text)).toEqual(
          thisWeek.flatMap((entry) => [entry.chair, entry.participants, entry.place]),
        );
        expect(links(find(list, 'nav')[0])).toEqual(['‹ Tuần trước', 'Tuần này', 'Tuần sau ›']);
      } else if (path.endsWith('2100-W52')) {
        expect(find(list, 'h2')).toHaveLength(0);
        expect(links(find(list, 'nav')[0])).toEqual(['‹ Tuần trước', 'Tuần này']);
        expect(find(list, 'p').map((p) => p.text)).toContain('Tuần 52: từ 27/12/2100 đến 02/01/2101');
      } else {
        expect(links(list)).toEqual(['Xem lịch tuần này']);
      }
    }
    if (path.startsWith('/thu-tuc?') || path === '/thu-tuc') {
      // The form with the address's choices, then the page of procedures or what is wrong.
      const list = view.list!.tree;
      expect(find(list, 'h1').map((h1) => h1.text)).toEqual(['Thủ tục hành chính']);
      expect(find(list, 'option').map((option) => option.text)).toEqual(
        expect.arrayContaining(['Tất cả lĩnh vực', 'Hộ tịch', 'Tất cả các cấp', 'Cấp xã', 'Cấp huyện']),
      );
      const procedures = find(list, 'h3').map((h3) => h3.text);
      if (path === '/thu-tuc') {
        expect(procedures).toHaveLength(10);
        expect(procedures[0]).toBe(mainProcedure.title);
        expect(links(find(list, 'nav')[0])).toEqual(['1', '2', '3', 'Sau ›']);
      } else if (path.endsWith('trang=3')) {
        expect(procedures).toHaveLength(8);
        expect(links(find(list, 'nav')[0])).toEqual(['‹ Trước', '1', '2', '3']);
      } else if (path.includes('linh-vuc=ho-tich')) {
        expect(procedures).toEqual(expect.arrayContaining([mainProcedure.title, 'Đăng ký khai tử', 'Đăng ký kết hôn']));
        expect(links(list)).toContain('Bỏ mọi điều kiện');
      } else if (path.includes('cap-vu-tru')) {
        expect(procedures).toEqual([]);
        expect(links(list)).toEqual(['Bỏ mọi điều kiện', 'Xem tất cả thủ tục']);
      } else {
        expect(procedures).toEqual([]);
        expect(find(list, 'p').map((p) => p.text)).toContain('Không có thủ tục nào phù hợp.');
      }
    }
    if (path === '/en') {
      // The English news, the district at a glance and the way on.
      const list = view.list!.tree;
      expect(find(list, 'h1').map((h1) => h1.text)).toEqual(['News and information in English']);
      expect(find(list, 'h2').map((h2) => h2.text)).toEqual(['Latest news', 'At a glance', 'Find out more']);
      const titles = find(list, 'h3').map((h3) => h3.text);
      expect(titles).toHaveLength(Math.min(10, englishNews.length));
      expect(englishNews.map((article) => article.title)).toEqual(expect.arrayContaining(titles));
      expect(find(list, 'dt').length).toBeGreaterThan(0);
    }
    if (path === '/van-ban' || path.startsWith('/van-ban?')) {
      // The form with the address's choices and their counts, then the documents or what to try.
      const list = view.list!.tree;
      expect(find(list, 'h1').map((h1) => h1.text)).toEqual(['Văn bản']);
      expect(find(list, 'option').map((option) => option.text)).toEqual(
        expect.arrayContaining(['Tất cả các loại', expect.stringMatching(/^Quyết định \(\d+\)$/), expect.stringMatching(/^2026 \(\d+\)$/)]),
      );
      const numbers = find(list, 'h3').map((h3) => h3.text);
      if (path === '/van-ban') {
        expect(numbers).toHaveLength(10);
        expect(links(find(list, 'nav')[0])).toEqual(expect.arrayContaining(['1', '2', 'Sau ›']));
      } else if (path.includes('nam=2026')) {
        expect(numbers.length).toBeGreaterThan(0);
        expect(numbers.every((number) => number.includes('/QĐ-'))).toBe(true);
        expect(links(list)).toContain('Bỏ mọi điều kiện');
      } else if (path.endsWith('q=125')) {
        expect(numbers[0]).toBe('125/QĐ-UBND');
        expect(find(list, 'mark').length).toBeGreaterThan(0);
      } else if (path.includes('zzzz')) {
        expect(numbers).toEqual([]);
        expect(find(list, 'li')).toHaveLength(2);
      } else {
        expect(numbers).toEqual([]);
        expect(links(list)).toContain('Về trang đầu');
      }
    }
    if (path === '/hoi-dap' || path.startsWith('/hoi-dap?')) {
      // The form with the address's choices, then the questions with who asked and when they
      // were answered.
      const list = view.list!.tree;
      expect(find(list, 'h1').map((h1) => h1.text)).toEqual(['Hỏi đáp']);
      expect(find(list, 'option').map((option) => option.text)).toEqual(
        expect.arrayContaining(['Tất cả lĩnh vực', 'Đất đai', 'Môi trường']),
      );
      const questions = find(list, 'h3').map((h3) => h3.text);
      if (path === '/hoi-dap') {
        expect(questions).toHaveLength(8);
        expect(questions).toContain(mainQuestion.title);
        expect(find(list, 'time')).toHaveLength(8);
      } else if (path.includes('dat-dai')) {
        expect(questions).toEqual([mainQuestion.title]);
        expect(find(list, 'p').map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringContaining(mainQuestion.asker)]));
      } else {
        expect(questions).toEqual([]);
        expect(links(list)).toContain('Xem tất cả câu hỏi');
      }
    }
    if (path === '/lien-ket') {
      // Each group under its heading, with its websites.
      const list = view.list!.tree;
      expect(find(list, 'h2').map((h2) => h2.text)).toEqual(linkGroups.map((group) => group.name));
      expect(links(list)).toEqual(
        linkGroups.flatMap((group) => group.links.map((link) => `${link.name} (mở trong thẻ mới)`)),
      );
    }
    if (path === '/') {
      // The featured news (the main article leads: the newest featured one), then the blocks:
      // the documents, the answers and each category but the two of the sidebar.
      const column = view.home!.tree;
      const blocks = categories.filter((category) => !['tin-so-ban-nganh', 'thong-tin-bao-chi'].includes(category.slug));
      expect(find(column, 'h2').map((h2) => h2.text)).toEqual([
        'Tin tiêu điểm',
        'Văn bản mới',
        'Hỏi đáp',
        ...blocks.map((category) => category.name),
      ]);
      expect(find(column, 'h3')[0]!.text).toBe(mainArticle.title);
      expect(links(column)).toEqual(
        expect.arrayContaining([
          ...notices.slice(0, 4).map((notice) => notice.title),
          'Xem tất cả Thông báo ›',
          'Xem tất cả văn bản ›',
          'Xem tất cả câu hỏi ›',
        ]),
      );
      const list = (kind: string) => find(column, 'ul').find((ul) => ul.class?.includes(kind));
      expect(list('document-links')?.children).toHaveLength(5);
      expect(list('question-links')?.children).toHaveLength(4);
    }
    if (heading === mainArticle.title) {
      expect(links(view.breadcrumb!.tree)).toEqual([
        'Trang chủ',
        categories.find((category) => category.slug === mainArticle.category)!.name,
      ]);
      const article = view.article!.tree;
      expect(find(article, 'h1').map((h1) => h1.text)).toEqual([mainArticle.title]);
      expect(find(article, 'time').map((time) => time.text)).toEqual([mainArticle.shownTime]);
      expect(find(article, 'p').map((p) => p.text)).toEqual(
        expect.arrayContaining([mainArticle.summary, ...mainArticle.paragraphs]),
      );
    }
    if (heading === mainQuestion.title) {
      expect(links(view.breadcrumb!.tree)).toEqual(['Trang chủ', 'Hỏi đáp']);
      const question = view.article!.tree;
      expect(find(question, 'h1').map((h1) => h1.text)).toEqual([mainQuestion.title]);
      expect(find(question, 'h2').map((h2) => h2.text)).toEqual(['Câu hỏi', 'Trả lời']);
      expect(find(question, 'p').map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringContaining(mainQuestion.asker)]));
    }
    if (heading === mainProcedure.title) {
      expect(links(view.breadcrumb!.tree)).toEqual(['Trang chủ', 'Thủ tục hành chính']);
      const procedure = view.article!.tree;
      expect(find(procedure, 'h1').map((h1) => h1.text)).toEqual([mainProcedure.title]);
      expect(find(procedure, 'dt').map((dt) => dt.text)).toEqual(mainProcedure.facts);
      expect(find(procedure, 'h2').map((h2) => h2.text)).toEqual(mainProcedure.sections);
      expect(find(procedure, 'input')).toHaveLength(4);
      expect(find(procedure, 'ol')[0]!.children).toHaveLength(4);
      expect(links(procedure)).toEqual(expect.arrayContaining(['Hộ tịch', 'Cấp xã', expect.stringMatching(/^Tải mẫu \(PDF, .+\)/)]));
    }
    if (heading === aboutTitle) {
      expect(links(view.breadcrumb!.tree)).toEqual(['Trang chủ']);
      expect(find(view.article!.tree, 'h2').length).toBeGreaterThan(3);
    }
    if (heading === 'Cơ cấu tổ chức') {
      expect(links(view.breadcrumb!.tree)).toEqual(['Trang chủ', 'Giới thiệu']);
      const tree = view.article!.tree;
      expect(find(tree, 'h2').map((h2) => h2.text)).toEqual(['Hội đồng nhân dân huyện Bình Liêu', 'Ủy ban nhân dân huyện Bình Liêu']);
      expect(find(tree, 'h3').map((h3) => h3.text)).toEqual(['Cơ quan chuyên môn', 'Đơn vị sự nghiệp', 'Xã, thị trấn']);
      expect(links(tree)).toContain('0203 3878 125');
    }
    if (heading === mainDocument.title) {
      expect(links(view.breadcrumb!.tree)).toEqual(['Trang chủ', 'Văn bản']);
      const document = view.article!.tree;
      expect(find(document, 'h1').map((h1) => h1.text)).toEqual([mainDocument.title]);
      expect(find(document, 'dt').map((dt) => dt.text)).toEqual(mainDocument.facts);
      expect(find(document, 'span').map((span) => span.text)).toContain('Còn hiệu lực');
      expect(links(document)).toEqual(expect.arrayContaining([expect.stringMatching(/^Tải về \(PDF, .+ KB\)/), '56/QĐ-UBND']));
      expect(find(document, 'div').some((div) => div.class === 'article-body')).toBe(true);
    }
  });
}
