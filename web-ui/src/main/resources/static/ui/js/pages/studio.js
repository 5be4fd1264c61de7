// The artisan studio: profile, products (with pictures and stock), incoming orders and sales statistics.
import { clearFieldErrors, field, fieldError, fill, formValues, h, announce } from '../dom.js';
import { country, dateTime, money, number, t } from '../i18n.js';
import { ApiError, api, query } from '../api.js';
import { session } from '../session.js';
import { CATEGORIES, COUNTRIES, ORDER_STATUSES, orderStatusFilter, pageHeading, pageParam, pager, productImage, roleGuard, statusBadge, statusParam } from '../components.js';
import { alertBox, describe } from '../errors.js';
import { barChart } from '../charts.js';
import { reviewStars, stars } from '../reviews.js';
import { sawOrders } from '../messages.js';

/** Artisans only; anyone else is told how to get in. */
export function guard(navigate) {
  return roleGuard(navigate, 'ARTISAN', 'studio.title', 'studio.artisansOnly');
}

/** The signed-in artisan's profile with its ETag, or null when there is none yet. */
export async function myProfile() {
  try {
    const response = await api('/api/artisans/me');
    return { profile: response.data, etag: response.headers.get('ETag') };
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

export function studioNav(active) {
  const links = [['/studio', 'studio.nav.overview'], ['/studio/products', 'studio.nav.products'], ['/studio/orders', 'studio.nav.orders'],
    ['/studio/masterclasses', 'studio.nav.masterclasses'], ['/studio/messages', 'studio.nav.messages'], ['/studio/reviews', 'studio.nav.reviews'], ['/studio/stats', 'studio.nav.stats'],
    ['/studio/profile', 'studio.nav.profile']];
  return h('nav', { class: 'sub-nav', 'aria-label': t('studio.title') },
    links.map(([href, key]) => h('a', { href, 'aria-current': href === active ? 'page' : null }, t(key))));
}

export async function studioPage({ navigate }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const mine = await myProfile();
  if (!mine) return profileForm(null, null, navigate);
  const { profile } = mine;
  const [products, orders] = await Promise.all([
    api(`/api/products${query({ artisanId: profile.id, size: 1 })}`).then((response) => response.data),
    api('/api/orders?status=CONFIRMED&size=1').then((response) => response.data),
  ]);
  return h('div', { class: 'page studio-page' },
    pageHeading(t('studio.welcome', { name: profile.displayName })),
    studioNav('/studio'),
    profile.status !== 'VERIFIED' ? h('p', { class: 'alert info', id: 'verification-state' },
      t(`studio.verification.${profile.status}`), profile.verificationNote ? ` ${profile.verificationNote}` : '') : null,
    h('ul', { class: 'tiles' },
      h('li', {}, h('a', { href: '/studio/products' }, h('strong', {}, number(products.totalItems)), t('studio.nav.products'))),
      h('li', {}, h('a', { href: '/studio/orders?status=CONFIRMED' }, h('strong', {}, number(orders.totalItems)), t('studio.toShip'))),
      h('li', {}, h('a', { href: '/studio/stats' }, h('strong', {}, '↗'), t('studio.nav.stats')))),
    h('p', {}, h('a', { class: 'button', href: '/studio/products/new' }, t('studio.product.new'))));
}

export async function studioProfilePage({ navigate }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const mine = await myProfile();
  return profileForm(mine?.profile ?? null, mine?.etag ?? null, navigate);
}

function profileForm(profile, etag, navigate) {
  const message = alertBox('error');
  const value = (name) => profile?.[name] ?? '';
  const submit = h('button', { type: 'submit', class: 'button', id: 'save-profile' }, profile ? t('studio.save') : t('studio.profile.create'));
  const form = h('form', { class: 'studio-form', onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.show(null);
    clearFieldErrors(form);
    const values = formValues(form);
    const body = { ...values, languages: splitList(values.languages), links: splitList(values.links) };
    try {
      if (profile) {
        await api(`/api/artisans/${encodeURIComponent(profile.id)}`, { method: 'PUT', body, headers: etag ? { 'If-Match': etag } : {} });
      } else {
        await api('/api/artisans', { method: 'POST', body });
      }
      announce(t('studio.saved'));
      navigate('/studio');
    } catch (error) {
      (error.fieldErrors ?? []).forEach(({ field: name }) => fieldError(form, name.replace(/\[\d+]$/, ''), t('error.field')));
      message.show(describe(error));
      submit.disabled = false;
    }
  } },
  field('p-name', t('studio.profile.displayName'), h('input', { name: 'displayName', required: true, minlength: '2', maxlength: '80', value: value('displayName') })),
  field('p-craft', t('studio.profile.craft'), h('input', { name: 'craft', required: true, maxlength: '80', value: value('craft') }), t('studio.profile.craftHint')),
  field('p-story', t('studio.profile.story'), h('textarea', { name: 'story', rows: '6', maxlength: '4000' }, value('story')), t('studio.profile.storyHint')),
  h('div', { class: 'field-row' },
    field('p-city', t('checkout.city'), h('input', { name: 'city', required: true, maxlength: '80', value: value('city') })),
    field('p-country', t('checkout.country'), h('select', { name: 'country', required: true },
      COUNTRIES.map((code) => h('option', { value: code, selected: (profile?.country ?? 'AZ') === code }, country(code)))))),
  field('p-languages', t('studio.profile.languages'), h('input', { name: 'languages', value: (profile?.languages ?? []).join(', '), pattern: '^[a-z, ]*$' }), t('studio.profile.languagesHint')),
  field('p-links', t('studio.profile.links'), h('input', { name: 'links', value: (profile?.links ?? []).join(', ') }), t('studio.profile.linksHint')),
  message, submit);
  return h('div', { class: 'page studio-page' },
    pageHeading(profile ? t('studio.nav.profile') : t('studio.profile.createTitle')),
    profile ? studioNav('/studio/profile') : h('p', {}, t('studio.profile.intro')),
    form);
}

function splitList(text) {
  return String(text || '').split(',').map((item) => item.trim()).filter(Boolean);
}

export async function studioProductsPage({ navigate, query: params }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const mine = await myProfile();
  if (!mine) { navigate('/studio', { replace: true }); return h('div'); }
  const page = pageParam(params);
  const result = (await api(`/api/products${query({ artisanId: mine.profile.id, page, size: 20 })}`)).data;
  return h('div', { class: 'page studio-page' },
    pageHeading(t('studio.nav.products')),
    studioNav('/studio/products'),
    h('p', {}, h('a', { class: 'button', href: '/studio/products/new', id: 'new-product' }, t('studio.product.new'))),
    bulkSection(),
    result.items.length === 0 ? h('p', { class: 'muted' }, t('studio.product.none'))
      : h('ul', { class: 'studio-products' }, result.items.map((product) => h('li', { class: 'studio-product', dataset: { productId: product.id } },
        productImage(product, 'thumb'),
        h('div', {}, h('a', { href: `/studio/products/${encodeURIComponent(product.id)}` }, product.title),
          h('p', { class: 'muted' }, `${money(product.price)} · ${product.stock > 0 ? t('product.inStock', { n: product.stock }) : t('product.soldOut')}`))))),
    pager(result, (target) => `/studio/products${query({ page: target || '' })}`));
}

export async function studioProductPage({ params: [id], navigate }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const [read, currencies] = await Promise.all([
    id === 'new' ? null : api(`/api/products/${encodeURIComponent(id)}`),
    api('/api/products/currencies').then((answer) => answer.data.currencies),
  ]);
  const product = read?.data ?? null;
  const message = alertBox('error');
  const saved = alertBox('success');
  const value = (name) => product?.[name] ?? '';
  const submit = h('button', { type: 'submit', class: 'button', id: 'save-product' }, product ? t('studio.save') : t('studio.product.list'));
  const form = h('form', { class: 'studio-form', onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.show(null);
    saved.show(null);
    clearFieldErrors(form);
    const values = formValues(form);
    try {
      // Stock and pictures change elsewhere (orders, uploads, restocking): an edit sends them as they are now.
      const latest = product ? await api(`/api/products/${encodeURIComponent(product.id)}`) : null;
      const now = latest?.data ?? null;
      const body = {
        title: values.title, description: values.description, category: values.category,
        materials: splitList(values.materials), tags: splitList(values.tags),
        price: { amount: values.price, currency: values.currency },
        stock: now ? now.stock : Number.parseInt(values.stock, 10),
        images: now ? now.images : [],
      };
      const answer = product
        ? await api(`/api/products/${encodeURIComponent(product.id)}`, { method: 'PUT', body, headers: ifMatch(latest) })
        : await api('/api/products', { method: 'POST', body });
      announce(t('studio.saved'));
      navigate(`/studio/products/${encodeURIComponent(answer.data.id)}`, { replace: !product });
    } catch (error) {
      (error.fieldErrors ?? []).forEach(({ field: name }) => fieldError(form, name.replace(/\..*$/, '').replace(/\[\d+]$/, ''), t('error.field')));
      message.show(describe(error));
      submit.disabled = false;
    }
  } },
  field('pr-title', t('studio.product.title'), h('input', { name: 'title', required: true, minlength: '3', maxlength: '120', value: value('title') })),
  field('pr-description', t('product.description'), h('textarea', { name: 'description', rows: '6', maxlength: '5000' }, value('description'))),
  field('pr-category', t('product.category'), h('select', { name: 'category', required: true },
    CATEGORIES.map((category) => h('option', { value: category, selected: product?.category === category }, t(`category.${category}`))))),
  h('div', { class: 'field-row' },
    field('pr-price', t('studio.product.price'), h('input', { name: 'price', type: 'number', min: '0.01', step: '0.01', inputmode: 'decimal', required: true, value: product?.price?.amount ?? '' })),
    field('pr-currency', t('studio.product.currency'), h('select', { name: 'currency' },
      currencies.map((code) => h('option', { value: code, selected: (product?.price?.currency ?? 'USD') === code }, code))))),
  product ? null : field('pr-stock', t('studio.product.stock'), h('input', { name: 'stock', type: 'number', min: '0', max: '100000', step: '1', required: true, value: '1' })),
  field('pr-materials', t('product.materials'), h('input', { name: 'materials', value: (product?.materials ?? []).join(', ') }), t('studio.product.listHint')),
  field('pr-tags', t('product.tags'), h('input', { name: 'tags', value: (product?.tags ?? []).join(', ') }), t('studio.product.listHint')),
  message, saved, submit);

  const sections = [pageHeading(product ? product.title : t('studio.product.new')), studioNav('/studio/products'), form];
  if (product) sections.push(imagesSection(product), stockSection(product, read), archiveSection(product, navigate));
  return h('div', { class: 'page studio-page' }, sections);
}

function imagesSection(product) {
  const message = alertBox('error');
  const gallery = h('ul', { class: 'thumbnails', id: 'product-images' });
  const images = [...(product.images ?? [])];
  const draw = () => fill(gallery, images.map((src, index) => h('li', {}, h('img', { src, alt: t('product.showImage', { n: index + 1 }), class: 'product-image thumb' }))));
  draw();
  const input = h('input', { type: 'file', name: 'file', accept: 'image/jpeg,image/png', required: true });
  const upload = h('form', { class: 'inline-filter', onsubmit: async (event) => {
    event.preventDefault();
    message.show(null);
    if (!input.files.length) return;
    const form = new FormData();
    form.append('file', input.files[0]);
    try {
      const answer = (await api(`/api/products/${encodeURIComponent(product.id)}/images`, { method: 'POST', form })).data;
      images.push(answer.url);
      draw();
      input.value = '';
      announce(t('studio.image.added'));
    } catch (error) {
      message.show(describe(error));
    }
  } },
  field('image-file', t('studio.image.choose'), input, t('studio.image.hint')),
  h('button', { type: 'submit', class: 'button secondary', id: 'upload-image' }, t('studio.image.upload')));
  return h('section', { 'aria-labelledby': 'images-heading' }, h('h2', { id: 'images-heading' }, t('studio.image.title')), gallery, upload, message);
}

/** The precondition that a change is made to the version of a product just read. */
function ifMatch(response) {
  const etag = response?.headers.get('ETag');
  return etag ? { 'If-Match': etag } : {};
}

/** Restocking names the version the artisan saw, so units an order took meanwhile are not overwritten unseen. */
function stockSection(product, read) {
  const message = alertBox('error');
  const done = alertBox('success');
  let seen = read;
  const input = h('input', { name: 'stock', type: 'number', min: '0', max: '100000', required: true, value: String(product.stock) });
  return h('section', { 'aria-labelledby': 'stock-heading' },
    h('h2', { id: 'stock-heading' }, t('studio.stock.title')),
    h('form', { class: 'inline-filter', onsubmit: async (event) => {
      event.preventDefault();
      message.show(null);
      done.show(null);
      try {
        seen = await api(`/api/products/${encodeURIComponent(product.id)}/stock`, { method: 'PATCH', body: { stock: Number.parseInt(input.value, 10) }, headers: ifMatch(seen) });
        done.show(t('studio.stock.done', { n: seen.data.stock }));
      } catch (error) {
        if (error.status !== 412) {
          message.show(describe(error));
          return;
        }
        try {
          seen = await api(`/api/products/${encodeURIComponent(product.id)}`);
          message.show(t('studio.stock.changed', { n: seen.data.stock }));
        } catch (again) {
          message.show(describe(again));
        }
      }
    } },
    field('restock', t('studio.stock.units'), input),
    h('button', { type: 'submit', class: 'button secondary', id: 'save-stock' }, t('studio.stock.save'))),
    message, done);
}

function archiveSection(product, navigate) {
  const message = alertBox('error');
  let sure = false;
  const section = h('section', { 'aria-labelledby': 'archive-heading' });
  const draw = () => fill(section, h('h2', { id: 'archive-heading' }, t('studio.archive.title')),
    h('p', { class: 'muted' }, t('studio.archive.hint')),
    sure ? [h('button', { type: 'button', class: 'button danger', id: 'confirm-archive', onclick: async () => {
      try {
        await api(`/api/products/${encodeURIComponent(product.id)}`, { method: 'DELETE' });
        announce(t('studio.archive.done'));
        navigate('/studio/products');
      } catch (error) {
        message.show(describe(error));
      }
    } }, t('studio.archive.yes')), ' ', h('button', { type: 'button', class: 'button secondary', onclick: () => { sure = false; draw(); } }, t('order.cancelNo'))]
      : h('button', { type: 'button', class: 'button secondary', id: 'archive', onclick: () => { sure = true; draw(); } }, t('studio.archive.button')),
    message);
  draw();
  return section;
}

export async function studioOrdersPage({ navigate, query: params }) {
  const refused = guard(navigate);
  if (refused) return refused;
  sawOrders();
  const status = statusParam(params, ORDER_STATUSES);
  const page = pageParam(params);
  const result = (await api(`/api/orders${query({ status, page, size: 10 })}`)).data;
  const filter = orderStatusFilter({ id: 'studio-order-status', path: '/studio/orders', statuses: ORDER_STATUSES, current: status, navigate });
  return h('div', { class: 'page studio-page' },
    pageHeading(t('studio.nav.orders')),
    studioNav('/studio/orders'),
    filter,
    result.items.length === 0 ? h('p', { class: 'muted' }, t('orders.none'))
      : h('ul', { class: 'incoming-orders' }, result.items.map(incomingOrder)),
    pager(result, (target) => `/studio/orders${query({ status, page: target || '' })}`));
}

function incomingOrder(order) {
  const item = h('li', { class: 'incoming-order card', dataset: { orderId: order.id } });
  const message = alertBox('error');
  const draw = () => {
    const unshipped = order.status === 'CONFIRMED' && order.lines.some((line) => !line.shippedAt);
    const tracking = h('input', { name: 'trackingRef', maxlength: '100' });
    // An artisan may refuse an order until anything of it ships (issue 17); the buyer reads the reason.
    const declinable = ['PENDING', 'CONFIRMED'].includes(order.status) && order.lines.every((line) => !line.shippedAt);
    const reason = h('input', { name: 'reason', maxlength: '500', required: true });
    const last = order.statusHistory[order.statusHistory.length - 1];
    fill(item,
      h('div', { class: 'incoming-head' },
        h('strong', {}, t('order.title', { id: order.id.slice(-8) })), ' ', statusBadge(order.status), ' ',
        h('span', { class: 'muted' }, dateTime(order.createdAt))),
      h('ul', {}, order.lines.map((line) => h('li', {}, `${line.quantity} × ${line.title} · ${money(line.lineTotal)}`,
        line.shippedAt ? h('span', { class: 'muted' }, ` · ${t('order.shippedOn', { date: dateTime(line.shippedAt) })}`) : null))),
      // The address comes only while the order is one to ship (issue 17).
      order.shippingAddress ? h('p', { class: 'muted' }, t('studio.shipTo', { name: order.shippingAddress.fullName, city: order.shippingAddress.city, country: country(order.shippingAddress.country) })) : null,
      unshipped ? h('form', { class: 'inline-filter', onsubmit: async (event) => {
        event.preventDefault();
        message.show(null);
        try {
          order = (await api(`/api/orders/${encodeURIComponent(order.id)}/shipments`, { method: 'POST', body: tracking.value.trim() ? { trackingRef: tracking.value.trim() } : {} })).data;
          announce(t('studio.shipped'));
          draw();
        } catch (error) {
          message.show(describe(error));
        }
      } },
      field(`tracking-${order.id}`, t('studio.tracking'), tracking, t('checkout.optional')),
      h('button', { type: 'submit', class: 'button', dataset: { ship: order.id } }, t('studio.markShipped'))) : null,
      declinable ? h('form', { class: 'inline-filter', onsubmit: async (event) => {
        event.preventDefault();
        message.show(null);
        try {
          order = (await api(`/api/orders/${encodeURIComponent(order.id)}/decline`, { method: 'POST', body: { reason: reason.value.trim() } })).data;
          announce(t('studio.declined'));
          draw();
        } catch (error) {
          message.show(describe(error));
        }
      } },
      field(`decline-${order.id}`, t('studio.declineReason'), reason),
      h('button', { type: 'submit', class: 'button secondary', dataset: { decline: order.id } }, t('studio.decline'))) : null,
      order.status === 'CANCELLED' && last?.reason ? h('p', { class: 'muted' }, t('order.cancelledBecause', { reason: last.reason })) : null,
      message);
  };
  draw();
  return item;
}

export async function studioStatsPage({ navigate }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const mine = await myProfile();
  if (!mine) { navigate('/studio', { replace: true }); return h('div'); }
  const stats = (await api(`/api/artisans/${encodeURIComponent(mine.profile.id)}/stats`)).data;
  const currency = stats.revenue[0]?.currency ?? 'USD';
  const months = stats.monthly.slice(-12);
  const revenueOf = (list) => Number(list.find((money) => money.currency === currency)?.amount ?? 0);
  const monthLabel = (month) => new Intl.DateTimeFormat(document.documentElement.lang, { month: 'short', year: 'numeric' }).format(new Date(`${month}-01T00:00:00Z`));
  return h('div', { class: 'page studio-page' },
    pageHeading(t('studio.nav.stats')),
    studioNav('/studio/stats'),
    h('ul', { class: 'tiles' },
      h('li', {}, h('div', {}, h('strong', { id: 'stat-orders' }, number(stats.orders)), t('studio.stats.orders'))),
      h('li', {}, h('div', {}, h('strong', { id: 'stat-units' }, number(stats.unitsSold)), t('studio.stats.units'))),
      h('li', {}, h('div', {}, h('strong', { id: 'stat-revenue' }, stats.revenue.length ? stats.revenue.map(money).join(' + ') : money({ amount: '0', currency })), t('studio.stats.revenue')))),
    months.length === 0 ? h('p', { class: 'muted' }, t('studio.stats.none')) : [
      h('h2', {}, t('studio.stats.revenueByMonth', { currency })),
      barChart({ id: 'revenue-chart', label: t('studio.stats.revenueByMonth', { currency }),
        points: months.map((month) => ({ label: monthLabel(month.month), value: revenueOf(month.revenue), text: money({ amount: revenueOf(month.revenue).toFixed(2), currency }) })) }),
      h('h2', {}, t('studio.stats.unitsByMonth')),
      barChart({ id: 'units-chart', label: t('studio.stats.unitsByMonth'),
        points: months.map((month) => ({ label: monthLabel(month.month), value: month.unitsSold, text: number(month.unitsSold) })) })],
    h('h2', {}, t('studio.stats.top')),
    stats.topProducts.length === 0 ? h('p', { class: 'muted' }, t('studio.stats.none'))
      : h('ol', { class: 'top-products', id: 'top-products' }, stats.topProducts.map((product) => h('li', {},
        h('a', { href: `/products/${encodeURIComponent(product.productId)}` }, product.title), ' · ',
        t('studio.stats.unitsOf', { n: number(product.unitsSold) }), ' · ', product.revenue.map(money).join(' + ')))),
    h('h2', {}, t('studio.stats.favourites')),
    stats.favourites.length === 0 ? h('p', { class: 'muted' }, t('studio.stats.noFavourites'))
      : h('ol', { class: 'top-products', id: 'favourite-counts' }, stats.favourites.map((product) => h('li', {},
        h('a', { href: `/products/${encodeURIComponent(product.productId)}` }, product.title ?? product.productId), ' · ',
        t('favourites.count', { n: number(product.count) })))),
    h('h2', {}, t('studio.stats.masterclasses')),
    (stats.masterclasses?.bookings ?? 0) === 0 ? h('p', { class: 'muted' }, t('studio.stats.noMasterclasses'))
      : [h('p', { id: 'masterclass-revenue' }, t('studio.stats.masterclassSeats', { n: number(stats.masterclasses.seats), bookings: number(stats.masterclasses.bookings) }),
        ' · ', stats.masterclasses.revenue.map(money).join(' + ')),
      h('ol', { class: 'top-products', id: 'masterclass-sales' }, stats.masterclasses.classes.map((sold) => h('li', {},
        h('a', { href: `/masterclasses/${encodeURIComponent(sold.masterclassId)}` }, sold.title ?? sold.masterclassId), ' · ',
        t('masterclass.seatsBooked', { n: number(sold.seats) }), ' · ', sold.revenue.map(money).join(' + '))))]);
}

/**
 * Import and export of the artisan's products as CSV (POST /api/products/import, GET
 * /api/products/export): the file is sent as it is, and the per-row report is shown, so a
 * refused row can be fixed in the spreadsheet and the file imported again (a row key makes
 * that harmless).
 */
function bulkSection() {
  const message = alertBox('error');
  const report = h('div', { id: 'import-report', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const upload = h('form', { class: 'inline-filter', id: 'import-form', onsubmit: async (event) => {
    event.preventDefault();
    message.show(null);
    if (!input.files.length) return;
    try {
      const answer = (await api('/api/products/import', { method: 'POST', form: input.files[0], headers: { 'Content-Type': 'text/csv' } })).data;
      fill(report, importReport(answer));
      input.value = '';
      announce(t('studio.bulk.summary', answer));
    } catch (error) {
      message.show(error.problem?.detail && [400, 413].includes(error.status) ? error.problem.detail : describe(error));
    }
  } },
  field('import-file', t('studio.bulk.choose'), input, t('studio.bulk.hint')),
  h('button', { type: 'submit', class: 'button secondary', id: 'import-csv' }, t('studio.bulk.import')));
  const download = h('button', { type: 'button', class: 'button secondary', id: 'export-csv', onclick: async () => {
    message.show(null);
    try {
      const response = await fetch('/api/products/export', { headers: { Authorization: `Bearer ${session.token()}` } });
      if (!response.ok) throw new ApiError(response.status, null, null);
      const link = h('a', { href: URL.createObjectURL(await response.blob()), download: 'products.csv', hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (error) {
      message.show(describe(error));
    }
  } }, t('studio.bulk.export'));
  return h('section', { 'aria-labelledby': 'bulk-heading', class: 'studio-bulk' },
    h('h2', { id: 'bulk-heading' }, t('studio.bulk.title')), upload, h('p', {}, download), message, report);
}

function importReport(answer) {
  return [h('p', { class: 'alert success', role: 'status', id: 'import-summary' }, t('studio.bulk.summary', answer)),
    h('div', { class: 'table-scroll' }, h('table', { class: 'order-lines import-results' },
      h('thead', {}, h('tr', {}, ['studio.bulk.row', 'studio.bulk.key', 'studio.bulk.outcome', 'studio.bulk.reasons'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, answer.results.map((row) => h('tr', { dataset: { outcome: row.outcome } },
        h('td', {}, String(row.row)),
        h('td', {}, row.productId ? h('a', { href: `/studio/products/${encodeURIComponent(row.productId)}` }, row.key ?? '') : (row.key ?? '')),
        h('td', {}, t(`studio.bulk.state.${row.outcome}`)),
        h('td', {}, row.errors.map((error) => `${error.field}: ${error.message}`).join('; ')))))))];
}

/**
 * The reviews of the artisan's pieces, each with its answer to write or change, and their
 * rating month by month.
 */
export async function studioReviewsPage({ navigate }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const mine = await myProfile();
  if (!mine) { navigate('/studio', { replace: true }); return h('div'); }
  const [stats, products] = await Promise.all([
    api(`/api/artisans/${encodeURIComponent(mine.profile.id)}/stats`).then((response) => response.data),
    api(`/api/products${query({ artisanId: mine.profile.id, sort: 'rating', minRating: 1, size: 100 })}`).then((response) => response.data),
  ]);
  const reviewed = await Promise.all(products.items.map(async (product) => ({
    product,
    reviews: (await api(`/api/products/${encodeURIComponent(product.id)}/reviews${query({ size: 100 })}`)).data.items,
  })));
  const message = alertBox('error');
  const done = alertBox('success');
  const months = stats.monthly.filter((month) => month.reviews > 0).slice(-12);

  const replyForm = (review) => {
    const text = h('textarea', { name: 'text', rows: '2', maxlength: '2000', required: true });
    text.value = review.reply?.text ?? '';
    return h('form', { class: 'reply-form', onsubmit: async (event) => {
      event.preventDefault();
      try {
        await api(`/api/reviews/${encodeURIComponent(review.id)}/reply`, { method: review.reply ? 'PUT' : 'POST', body: { text: text.value.trim() } });
        review.reply = { text: text.value.trim() };
        done.show(t('studio.reviews.replied'));
        announce(t('studio.reviews.replied'));
      } catch (error) {
        message.show(describe(error));
      }
    } },
    field(`reply-${review.id}`, t('studio.reviews.replyLabel'), text),
    h('button', { type: 'submit', class: 'button secondary' }, review.reply ? t('studio.reviews.change') : t('studio.reviews.send')));
  };

  return h('div', { class: 'page studio-page' },
    pageHeading(t('studio.nav.reviews')),
    studioNav('/studio/reviews'),
    stats.rating?.count ? h('p', { class: 'rating-line' }, t('studio.reviews.yourRating'), ' ', stars(stats.rating, 'studio-rating')) : null,
    done, message,
    months.length ? [h('h2', {}, t('studio.reviews.overTime')),
      h('div', { class: 'table-scroll' }, h('table', { id: 'rating-by-month' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('studio.reviews.month')), h('th', { scope: 'col' }, t('studio.reviews.count')),
          h('th', { scope: 'col' }, t('studio.reviews.average')))),
        h('tbody', {}, months.map((month) => h('tr', {},
          h('td', {}, month.month), h('td', {}, number(month.reviews)), h('td', {}, Number(month.rating.average).toFixed(1)))))))] : null,
    reviewed.every(({ reviews }) => reviews.length === 0) ? h('p', { class: 'muted', id: 'no-studio-reviews' }, t('studio.reviews.none'))
      : reviewed.filter(({ reviews }) => reviews.length).map(({ product, reviews }) => h('section', { class: 'studio-reviews', dataset: { productId: product.id } },
        h('h2', {}, h('a', { href: `/products/${encodeURIComponent(product.id)}` }, product.title), ' ', stars(product.rating)),
        h('ol', { class: 'review-list' }, reviews.map((review) => h('li', { class: 'review', dataset: { reviewId: review.id } },
          h('p', { class: 'review-head' }, reviewStars(review.rating),
            ' ', h('strong', {}, review.buyerDisplayName), ' · ', dateTime(review.createdAt)),
          review.text ? h('p', { class: 'review-text' }, review.text) : null,
          replyForm(review)))))));
}
