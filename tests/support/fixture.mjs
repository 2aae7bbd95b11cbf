// The content the browser tests run on, written for the tests (not the demo content), so each
// test knows exactly what a reader must see.

export const categories = [
  { slug: 'tin-trong-huyen', name: 'Tin trong huyện' },
  { slug: 'quoc-phong-an-ninh', name: 'Quốc phòng – An ninh' },
  { slug: 'thong-bao', name: 'Thông báo' },
  { slug: 'tin-so-ban-nganh', name: 'Tin sở ban ngành' },
  { slug: 'thong-tin-bao-chi', name: 'Thông tin báo chí' },
];

export const mainArticle = {
  slug: 'hoi-nghi-tong-ket-cong-tac-quoc-phong-dia-phuong-nam-2024',
  title: 'Hội nghị tổng kết công tác quốc phòng địa phương năm 2024',
  category: 'quoc-phong-an-ninh',
  published_at: '2024-12-03T14:57:00+07:00',
  shownTime: '03/12/2024 14:57',
  author: 'Hoàng Thị Thử',
  summary: 'UBND huyện tổng kết công tác quốc phòng địa phương năm 2024 và giao nhiệm vụ năm 2025.',
  paragraphs: [
    'Ngày 2/12/2024, UBND huyện đã tổ chức hội nghị tổng kết công tác quốc phòng địa phương.',
    'Trong năm, lực lượng vũ trang huyện hoàn thành 100% chỉ tiêu huấn luyện.',
    'Hội nghị đã khen thưởng 12 tập thể và 25 cá nhân có thành tích xuất sắc.',
  ],
  featured: true,
};

/** Notices, newest first: 24 of them fill three pages of ten (10, 10, 4). */
export const notices = Array.from({ length: 24 }, (_, i) => {
  const day = String(28 - i).padStart(2, '0');
  return {
    title: `Thông báo số ${i + 1} về lịch tiếp công dân`,
    category: 'thong-bao',
    published_at: `2024-10-${day}T08:00:00+07:00`,
    author: 'Văn phòng HĐND và UBND huyện',
    summary: `Lịch tiếp công dân, đợt ${i + 1}.`,
    body_html: `<p>Nội dung thông báo số ${i + 1}.</p><p>Đề nghị công dân lưu ý.</p>`,
    featured: false,
  };
});

export const districtNews = [
  {
    title: 'Xã Đồng Văn hoàn thành đường giao thông nông thôn mới',
    category: 'tin-trong-huyen',
    published_at: '2024-11-20T09:30:00+07:00',
    author: 'Trung tâm Truyền thông',
    summary: 'Tuyến đường dài 3,2 km đã được đưa vào sử dụng.',
    body_html: '<p>Ngày 20/11/2024, xã Đồng Văn khánh thành tuyến đường.</p><p>Tổng kinh phí 4,5 tỷ đồng.</p>',
    featured: true,
  },
  {
    title: 'Lễ hội Soóng cọ của người Sán Chỉ năm 2024',
    category: 'tin-trong-huyen',
    published_at: '2024-09-15T07:45:00+07:00',
    author: 'Trung tâm Truyền thông',
    summary: 'Hàng nghìn người dân và du khách tham gia lễ hội.',
    body_html: '<p>Lễ hội diễn ra trong hai ngày.</p><p>Có 15 đội tham gia hát Soóng cọ.</p>',
    featured: false,
  },
];

export const departmentNews = {
  title: 'Sở Y tế hướng dẫn tiêm chủng mở rộng đợt 2',
  category: 'tin-so-ban-nganh',
  published_at: '2024-11-10T10:00:00+07:00',
  author: 'Sở Y tế',
  body_html: '<p>Sở Y tế hướng dẫn các huyện triển khai đợt 2.</p><p>Ưu tiên trẻ em dưới 5 tuổi.</p>',
};

export const pressNews = {
  title: 'Báo tỉnh viết về mùa miến dong Bình Liêu',
  category: 'thong-tin-bao-chi',
  published_at: '2024-11-12T16:20:00+07:00',
  author: 'Báo Quảng Ninh',
  body_html: '<p>Mùa miến dong năm nay được giá.</p><p>Sản lượng đạt 1.200 tấn.</p>',
};

/** Work schedule, dated relative to the week the server starts in: this week has two entries,
 *  the next week none. */
export const schedule = [
  {
    week_offset: 0, weekday: 1, time: '08:00', content: 'Họp giao ban lãnh đạo UBND huyện',
    chair: 'Chủ tịch UBND huyện', participants: 'Các Phó Chủ tịch UBND huyện', place: 'Phòng họp tầng 2',
  },
  {
    week_offset: 0, weekday: 3, time: '14:00', content: 'Kiểm tra tiến độ đường giao thông xã Đồng Văn',
    chair: 'Phó Chủ tịch UBND huyện', participants: 'Phòng Kinh tế và Hạ tầng', place: 'UBND xã Đồng Văn',
  },
  {
    week_offset: -1, weekday: 5, time: '09:30', content: 'Tiếp công dân định kỳ',
    chair: 'Chủ tịch UBND huyện', participants: 'Ban Tiếp công dân huyện', place: 'Trụ sở Tiếp công dân',
  },
];

export const links = [
  {
    name: 'Tỉnh Quảng Ninh',
    links: [
      { name: 'Cổng thông tin điện tử tỉnh Quảng Ninh', url: 'https://www.quangninh.gov.vn' },
      { name: 'Cổng dịch vụ công tỉnh', url: 'https://dichvucong.quangninh.gov.vn' },
    ],
  },
  { name: 'Trung ương', links: [{ name: 'Cổng Thông tin điện tử Chính phủ', url: 'https://chinhphu.vn' }] },
];

export const visitsBefore = 2325646;

export function articleInputs() {
  const { shownTime, paragraphs, ...main } = mainArticle;
  return [
    { ...main, body_html: paragraphs.map((p) => `<p>${p}</p>`).join('') },
    ...notices,
    ...districtNews,
    departmentNews,
    pressNews,
  ];
}

export const site = {
  name: 'Cổng thông tin điện tử huyện Bình Liêu',
  short_name: 'Huyện Bình Liêu',
  description: 'Trang dùng cho kiểm thử.',
  contacts: {
    agency: 'Ủy ban nhân dân huyện Bình Liêu',
    address: 'Khu phố Bình Công, thị trấn Bình Liêu, tỉnh Quảng Ninh',
    phone: '0203 3878 000',
    email: 'kiemthu@example.gov.vn',
    responsible: 'Chánh Văn phòng HĐND và UBND huyện',
  },
  visits_before: visitsBefore,
};

/** One place of each kind, the district as an outline; the gate links to the main article. */
const point = (id, kind, name, lng, lat, address, link) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { name, kind, address, ...(link ? { link } : {}), approximate: true },
});
export const places = [
  {
    type: 'Feature',
    id: 'huyen-thu',
    geometry: {
      type: 'Polygon',
      coordinates: [[[107.28, 21.48], [107.52, 21.48], [107.54, 21.64], [107.3, 21.63], [107.28, 21.48]]],
    },
    properties: { name: 'Huyện Thử Nghiệm', kind: 'huyen', approximate: true },
  },
  point('xa-dong-van', 'xa-thi-tran', 'Xã Đồng Văn', 107.43, 21.6, 'Huyện Thử Nghiệm'),
  point('ubnd-huyen', 'tru-so', 'Trụ sở UBND huyện', 107.39, 21.53, 'Thị trấn Bình Liêu', { target: 'category', slug: 'thong-bao' }),
  point('cua-khau-hoanh-mo', 'cua-khau', 'Cửa khẩu Hoành Mô', 107.5, 21.62, 'Xã Hoành Mô', {
    target: 'article',
    slug: mainArticle.slug,
  }),
  point('truong-noi-tru', 'truong-hoc', 'Trường Phổ thông Dân tộc Nội trú', 107.35, 21.5, 'Thị trấn Bình Liêu'),
  point('tram-y-te', 'y-te', 'Trạm Y tế xã Đồng Văn', 107.45, 21.57, 'Xã Đồng Văn'),
  point('cho-dong-van', 'cho', 'Chợ Đồng Văn', 107.32, 21.6, 'Xã Đồng Văn'),
  point('thac-khe-van', 'du-lich', 'Thác Khe Vằn', 107.3, 21.52, 'Xã Húc Động'),
];
