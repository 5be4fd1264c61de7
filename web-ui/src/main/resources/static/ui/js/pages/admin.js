// The admin pages: the verification queue, every artisan by state, and all orders.
import { field, fill, h, announce } from '../dom.js';
import { country, dateTime, money, t } from '../i18n.js';
import { api, query } from '../api.js';
import { ORDER_STATUSES, orderStatusFilter, pageHeading, pageParam, pager, roleGuard, statusBadge, statusParam } from '../components.js';
import { alertBox, describe } from '../errors.js';
import { reviewStars } from '../reviews.js';

const ARTISAN_STATUSES = ['PENDING', 'VERIFIED', 'SUSPENDED'];

export function guard(navigate) {
  return roleGuard(navigate, 'ADMIN', 'admin.title', 'admin.adminsOnly');
}

export function adminNav(active) {
  const links = [['/admin', 'admin.nav.overview'], ['/admin/artisans?status=PENDING', 'admin.nav.queue'], ['/admin/artisans', 'admin.nav.artisans'], ['/admin/orders', 'admin.nav.orders'],
    ['/admin/reviews', 'admin.nav.reviews'], ['/admin/masterclasses', 'admin.nav.masterclasses'], ['/admin/conversations', 'admin.nav.conversations']];
  return h('nav', { class: 'sub-nav', 'aria-label': t('admin.title') },
    links.map(([href, key]) => h('a', { href, 'aria-current': href === active ? 'page' : null }, t(key))));
}

export async function adminPage({ navigate, onLeave, current }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const [queue, pending, all] = await Promise.all([
    api('/api/artisans?status=PENDING&size=1').then((response) => response.data),
    api('/api/orders?status=PENDING&size=1').then((response) => response.data),
    api('/api/orders?size=1').then((response) => response.data),
  ]);
  return h('div', { class: 'page admin-page' },
    pageHeading(t('admin.title')),
    adminNav('/admin'),
    h('ul', { class: 'tiles' },
      h('li', {}, h('a', { href: '/admin/artisans?status=PENDING', id: 'queue-count' }, h('strong', {}, String(queue.totalItems)), t('admin.nav.queue'))),
      h('li', {}, h('a', { href: '/admin/orders?status=PENDING' }, h('strong', {}, String(pending.totalItems)), t('admin.pendingOrders'))),
      h('li', {}, h('a', { href: '/admin/orders' }, h('strong', {}, String(all.totalItems)), t('admin.allOrders')))),
    operationsPanel(onLeave, current),
    deadLettersSection());
}

/** Records the services dead-lettered, with their error, and replay once the cause is fixed. */
function deadLettersSection() {
  const section = h('section', { id: 'dead-letters', 'aria-labelledby': 'dead-letters-heading', class: 'operations' });
  const message = alertBox('error');
  const replay = async (body) => {
    message.show(null);
    try {
      await api('/api/admin/dead-letters/replay', { method: 'POST', body });
      announce(t('admin.dlt.done'));
      await load();
    } catch (error) {
      message.show(describe(error));
    }
  };
  const load = async () => {
    let answer;
    try {
      answer = (await api('/api/admin/dead-letters')).data;
    } catch (error) {
      fill(section, h('h2', { id: 'dead-letters-heading' }, t('admin.dlt.title')), h('p', { class: 'alert error' }, describe(error)));
      return;
    }
    const services = answer.services.filter((service) => service.error || service.records.length);
    fill(section,
      h('h2', { id: 'dead-letters-heading' }, t('admin.dlt.title')),
      message,
      services.length === 0 ? h('p', { class: 'muted', id: 'no-dead-letters' }, t('admin.dlt.none')) : null,
      services.map((service) => h('div', { class: 'dead-letter-service', dataset: { service: service.service } },
        h('h3', {}, service.service),
        service.error ? h('p', { class: 'alert error' }, t('admin.dlt.unreachable', { error: service.error })) : [
          service.records.some((record) => !record.replayedAt)
            ? h('p', {}, h('button', { type: 'button', class: 'button secondary', dataset: { replayAll: service.service },
              onclick: () => replay({ service: service.service }) }, t('admin.dlt.replayAll'))) : null,
          h('ul', { class: 'dead-letter-list' }, service.records.map((record) => h('li', { class: 'card', dataset: { deadLetter: record.id } },
            h('p', {}, h('strong', {}, `${record.originalTopic ?? record.topic} · ${record.key ?? '–'}`), ' ',
              h('span', { class: 'muted' }, `${record.topic}-${record.partition}@${record.offset} · ${dateTime(record.failedAt)}`)),
            h('p', { class: 'field-error' }, record.error ?? ''),
            record.replayedAt
              ? h('p', { class: 'muted', dataset: { replayed: 'true' } }, t('admin.dlt.replayed', { time: dateTime(record.replayedAt) }))
              : h('button', { type: 'button', class: 'button', dataset: { replay: record.id },
                onclick: () => replay({ service: service.service, topic: record.topic, partition: record.partition, offset: record.offset }) },
              t('admin.dlt.replay')))))])));
  };
  fill(section, h('h2', { id: 'dead-letters-heading' }, t('admin.dlt.title')), h('p', { class: 'muted' }, t('common.loading')));
  load();
  return section;
}

const REFRESH_MS = 5000;

/** Every part's health, refreshed every few seconds while the page is open. */
function operationsPanel(onLeave, current) {
  const body = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('common.loading')));
  const stamp = h('p', { class: 'muted', id: 'operations-checked' });
  let timer = null;
  const refresh = async () => {
    try {
      const overview = (await api('/api/admin/operations')).data;
      if (!current()) return;
      fill(body, partsTable(overview.parts), overview.saga ? sagaFigures(overview.saga) : null);
      stamp.textContent = t('admin.ops.checked', { time: dateTime(overview.checkedAt) });
    } catch (error) {
      if (!current()) return;
      fill(body, h('p', { class: 'alert error', role: 'alert' }, describe(error)));
    }
    if (current()) timer = setTimeout(refresh, REFRESH_MS);
  };
  refresh();
  onLeave(() => clearTimeout(timer));
  return h('section', { id: 'operations', 'aria-labelledby': 'operations-heading', class: 'operations' },
    h('h2', { id: 'operations-heading' }, t('admin.operations')), stamp, body);
}

function partsTable(parts) {
  const cell = (value) => h('td', {}, value ?? '–');
  // A service run as several instances has a row per instance, named by its address.
  const instances = (part) => parts.filter((other) => other.name === part.name).length;
  const breakers = (part) => Object.entries(part.circuitBreakers ?? {}).map(([name, state]) => `${name}: ${state}`).join(', ');
  const lag = (part) => (Array.isArray(part.consumerLag) ? String(part.consumerLag.reduce((sum, row) => sum + row.lag, 0)) : null);
  const deadLetters = (part) => (part.deadLetters ? String(Object.values(part.deadLetters).reduce((sum, n) => sum + n, 0)) : null);
  const outbox = (part) => (part.outbox ? `${part.outbox.documents}${part.outbox.oldestAgeSeconds != null ? ` (${t('admin.ops.oldest', { seconds: part.outbox.oldestAgeSeconds })})` : ''}` : null);
  return h('div', { class: 'table-scroll' }, h('table', { class: 'order-lines operations-table' },
    h('thead', {}, h('tr', {}, ['admin.ops.part', 'admin.ops.status', 'admin.ops.version', 'admin.ops.uptime', 'admin.ops.breakers',
      'admin.ops.lag', 'admin.ops.outbox', 'admin.ops.deadLetters'].map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, parts.map((part) => h('tr', { dataset: { part: part.name, status: part.status } },
      h('th', { scope: 'row' }, part.name,
        instances(part) > 1 ? h('span', { class: 'muted block' }, part.instance) : null),
      h('td', {}, h('span', { class: `status status-${part.status === 'UP' ? 'confirmed' : part.status === 'DOWN' ? 'rejected' : 'pending'}` },
        t(`admin.ops.state.${['UP', 'DOWN'].includes(part.status) ? part.status : 'UNKNOWN'}`)),
        part.error ? h('span', { class: 'muted block' }, part.error) : null),
      cell(part.version), cell(part.uptimeSeconds != null ? uptime(part.uptimeSeconds) : null), cell(breakers(part) || null),
      cell(lag(part)), cell(outbox(part)), cell(deadLetters(part)))))));
}

function uptime(seconds) {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return days ? `${days} d ${hours} h` : hours ? `${hours} h ${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

function sagaFigures(saga) {
  return h('div', { class: 'saga' },
    h('h3', {}, t('admin.ops.saga')),
    h('ul', { class: 'tiles', id: 'saga-funnel' }, Object.entries(saga.byStatus).map(([status, count]) =>
      h('li', {}, h('div', { dataset: { status } }, h('strong', {}, String(count)), t(`status.${status}`))))),
    h('p', {}, t('admin.ops.latency', { confirmed: saga.confirmed.count, mean: saga.confirmed.meanSeconds, max: saga.confirmed.maxSeconds,
      rejected: saga.rejected.count })));
}

export async function adminArtisansPage({ navigate, query: params }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const status = statusParam(params, ARTISAN_STATUSES);
  const q = params.get('q') ?? '';
  const page = pageParam(params);
  const result = (await api(`/api/artisans${query({ status, q, page, size: 20 })}`)).data;
  const filter = h('form', { class: 'inline-filter', onsubmit: (event) => {
    event.preventDefault();
    navigate(`/admin/artisans${query({ status: event.target.elements.status.value, q: event.target.elements.q.value.trim() })}`);
  } },
  field('artisan-q', t('search.label'), h('input', { name: 'q', type: 'search', value: q })),
  field('artisan-status', t('admin.verification'), h('select', { name: 'status' },
    h('option', { value: '' }, t('search.any')),
    ARTISAN_STATUSES.map((value) => h('option', { value, selected: value === status }, t(`admin.status.${value}`))))),
  h('button', { type: 'submit', class: 'button secondary' }, t('search.apply')));
  return h('div', { class: 'page admin-page' },
    pageHeading(status === 'PENDING' ? t('admin.nav.queue') : t('admin.nav.artisans')),
    adminNav(status === 'PENDING' ? '/admin/artisans?status=PENDING' : '/admin/artisans'),
    filter,
    result.items.length === 0 ? h('p', { class: 'muted' }, t('admin.noArtisans'))
      : h('ul', { class: 'admin-artisans' }, result.items.map(artisanRow)),
    pager(result, (target) => `/admin/artisans${query({ status, q, page: target || '' })}`));
}

function artisanRow(artisan) {
  const item = h('li', { class: 'card admin-artisan', dataset: { artisanId: artisan.id } });
  const message = alertBox('error');
  const draw = () => {
    const note = h('input', { name: 'note', maxlength: '1000' });
    const decide = (status) => async () => {
      message.show(null);
      try {
        artisan = (await api(`/api/artisans/${encodeURIComponent(artisan.id)}/verification`, { method: 'PUT', body: note.value.trim() ? { status, note: note.value.trim() } : { status } })).data;
        announce(t(`admin.status.${artisan.status}`));
        draw();
      } catch (error) {
        message.show(describe(error));
      }
    };
    fill(item,
      h('div', { class: 'incoming-head' },
        h('a', { href: `/artisans/${encodeURIComponent(artisan.id)}` }, h('strong', {}, artisan.displayName)), ' ',
        h('span', { class: `status status-${artisan.status.toLowerCase()}`, dataset: { status: artisan.status } }, t(`admin.status.${artisan.status}`))),
      h('p', { class: 'muted' }, [artisan.craft, artisan.city, country(artisan.country)].filter(Boolean).join(' · '), ' · ', dateTime(artisan.createdAt)),
      artisan.verificationNote ? h('p', {}, t('admin.note'), ': ', artisan.verificationNote) : null,
      h('div', { class: 'inline-filter' },
        field(`note-${artisan.id}`, t('admin.note'), note, t('checkout.optional')),
        artisan.status !== 'VERIFIED' ? h('button', { type: 'button', class: 'button', dataset: { action: 'verify' }, onclick: decide('VERIFIED') },
          artisan.status === 'SUSPENDED' ? t('admin.reinstate') : t('admin.verify')) : null,
        artisan.status !== 'SUSPENDED' ? h('button', { type: 'button', class: 'button danger', dataset: { action: 'suspend' }, onclick: decide('SUSPENDED') }, t('admin.suspend')) : null),
      message);
  };
  draw();
  return item;
}

export async function adminOrdersPage({ navigate, query: params }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const status = statusParam(params, ORDER_STATUSES);
  const page = pageParam(params);
  const result = (await api(`/api/orders${query({ status, page, size: 20 })}`)).data;
  const filter = orderStatusFilter({ id: 'admin-order-status', path: '/admin/orders', statuses: ORDER_STATUSES, current: status, navigate });
  return h('div', { class: 'page admin-page' },
    pageHeading(t('admin.nav.orders')),
    adminNav('/admin/orders'),
    filter,
    h('p', { class: 'muted', id: 'admin-order-count' }, t('admin.orderCount', { n: result.totalItems })),
    result.items.length === 0 ? h('p', { class: 'muted' }, t('orders.none'))
      : h('ul', { class: 'order-list' }, result.items.map((order) => h('li', { class: 'order-row', dataset: { orderId: order.id } },
        h('a', { href: `/orders/${encodeURIComponent(order.id)}` }, `${t('order.title', { id: order.id.slice(-8) })} · ${order.shippingAddress.fullName}`),
        h('span', { class: 'muted' }, dateTime(order.createdAt)),
        statusBadge(order.status),
        h('span', { class: 'order-total' }, money(order.total))))),
    pager(result, (target) => `/admin/orders${query({ status, page: target || '' })}`));
}

const REVIEW_STATUSES = ['REPORTED', 'HIDDEN', 'VISIBLE'];

/** The moderation queue: reported reviews first, with their reports; hide or keep each. */
export async function adminReviewsPage({ navigate, query: params }) {
  const refused = guard(navigate);
  if (refused) return refused;
  const status = REVIEW_STATUSES.includes(params.get('status')) ? params.get('status') : 'REPORTED';
  const page = pageParam(params);
  const result = (await api(`/api/admin/reviews${query({ status, page, size: 20 })}`)).data;
  const message = alertBox('error');
  const done = alertBox('success');
  const moderate = async (review, next, note, row) => {
    try {
      await api(`/api/reviews/${encodeURIComponent(review.id)}/moderation`, { method: 'PUT', body: { status: next, note } });
      row.remove();
      const text = t('admin.reviews.done', { status: t(`admin.reviews.status.${next}`) });
      done.show(text);
      announce(text);
    } catch (error) {
      message.show(describe(error));
    }
  };
  const row = (review) => {
    const note = h('input', { name: 'note', maxlength: '500', value: review.moderation?.note ?? '' });
    const item = h('li', { class: 'review moderation-row', dataset: { reviewId: review.id } },
      h('p', { class: 'review-head' }, reviewStars(review.rating),
        ' ', h('strong', {}, review.buyerDisplayName), ' · ', dateTime(review.updatedAt), ' · ',
        h('a', { href: `/products/${encodeURIComponent(review.productId)}` }, t('admin.reviews.piece'))),
      review.text ? h('p', { class: 'review-text' }, review.text) : null,
      review.moderation?.reports?.length ? [h('p', { class: 'muted' }, t('admin.reviews.reports')),
        h('ul', { class: 'reports' }, review.moderation.reports.map((report) => h('li', {}, report.reason, ' · ', dateTime(report.at))))] : null,
      h('form', { class: 'inline-filter', onsubmit: (event) => event.preventDefault() },
        field(`note-${review.id}`, t('admin.reviews.note'), note),
        status !== 'HIDDEN' ? h('button', { type: 'button', class: 'button danger hide-review', onclick: () => moderate(review, 'HIDDEN', note.value.trim(), item) }, t('admin.reviews.hide')) : null,
        status !== 'VISIBLE' ? h('button', { type: 'button', class: 'button secondary show-review', onclick: () => moderate(review, 'VISIBLE', note.value.trim(), item) }, t('admin.reviews.show')) : null));
    return item;
  };
  return h('div', { class: 'page admin-page' },
    pageHeading(t('admin.nav.reviews')),
    adminNav('/admin/reviews'),
    h('form', { class: 'inline-filter', onsubmit: (event) => {
      event.preventDefault();
      navigate(`/admin/reviews${query({ status: event.target.elements.status.value })}`);
    } },
    field('admin-review-status', t('admin.reviews.status'), h('select', { name: 'status' },
      REVIEW_STATUSES.map((value) => h('option', { value, selected: value === status }, t(`admin.reviews.status.${value}`))))),
    h('button', { type: 'submit', class: 'button secondary' }, t('search.apply'))),
    done, message,
    result.items.length === 0 ? h('p', { class: 'muted', id: 'no-moderation' }, t('admin.reviews.none'))
      : h('ol', { class: 'review-list', id: 'moderation-list' }, result.items.map(row)),
    pager(result, (target) => `/admin/reviews${query({ status, page: target || '' })}`));
}
