import { fill, h, announce } from '../dom.js';
import { country, dateTime, money, t } from '../i18n.js';
import { api, query } from '../api.js';
import { session } from '../session.js';
import { ORDER_STATUSES, orderStatusFilter, pageHeading, pageParam, pager, statusBadge, statusParam } from '../components.js';
import { alertBox, describe } from '../errors.js';
import { live } from '../live.js';
import { askForm } from '../messages.js';

const POLL_MS = 1500;

function signInFirst(navigate) {
  navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  return h('div');
}

export async function ordersPage({ query: params, navigate }) {
  if (!session.user()) return signInFirst(navigate);
  const status = statusParam(params, ORDER_STATUSES);
  const page = pageParam(params);
  const result = (await api(`/api/orders${query({ status, page, size: 10 })}`)).data;
  const filter = orderStatusFilter({ id: 'order-status', path: '/orders', statuses: ORDER_STATUSES, current: status, navigate });
  return h('div', { class: 'page orders-page' },
    pageHeading(t('orders.title')),
    filter,
    result.items.length === 0 ? h('p', { class: 'muted' }, t('orders.none'))
      : h('ul', { class: 'order-list' }, result.items.map((order) => h('li', { class: 'order-row', dataset: { orderId: order.id } },
        h('a', { href: `/orders/${encodeURIComponent(order.id)}` }, summary(order)),
        h('span', { class: 'muted' }, dateTime(order.createdAt)),
        statusBadge(order.status),
        h('span', { class: 'order-total' }, money(order.total))))),
    pager(result, (target) => `/orders${query({ status, page: target || '' })}`));
}

function summary(order) {
  const [first, ...rest] = order.lines;
  if (!first) return t('orders.order');
  return rest.length ? t('orders.summaryMore', { title: first.title, n: rest.length }) : first.title;
}

export async function orderPage({ params: [id], navigate, onLeave, current }) {
  if (!session.user()) return signInFirst(navigate);
  let order = (await api(`/api/orders/${encodeURIComponent(id)}`)).data;
  const view = h('div', { class: 'page order-page' });
  const message = alertBox('error');
  let confirmingCancel = false;

  const draw = () => {
    const cancellable = ['PENDING', 'CONFIRMED'].includes(order.status) && order.lines.every((line) => !line.shippedAt)
      && (order.buyerId === session.user()?.id || session.hasRole('ADMIN'));
    const receivable = order.status === 'SHIPPED' && order.buyerId === session.user()?.id;
    fill(view, 
      pageHeading(t('order.title', { id: order.id.slice(-8) })),
      h('section', { class: 'order-status', 'aria-labelledby': 'status-heading' },
        h('h2', { id: 'status-heading', class: 'visually-hidden' }, t('order.status')),
        h('p', { class: 'status-line' }, t('order.status'), ' ', statusBadge(order.status, 'order-status')),
        explanation(order),
        h('ol', { class: 'history' }, order.statusHistory.map((change) => h('li', {},
          h('span', { class: 'history-status' }, t(`status.${change.status}`)), ' ',
          h('time', { datetime: change.at }, dateTime(change.at)))))),
      h('section', { 'aria-labelledby': 'lines-heading' },
        h('h2', { id: 'lines-heading' }, t('order.items')),
        h('div', { class: 'table-scroll' }, h('table', { class: 'order-lines' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('order.item')), h('th', { scope: 'col' }, t('product.quantity')),
            h('th', { scope: 'col' }, t('order.unitPrice')), h('th', { scope: 'col' }, t('order.lineTotal')))),
          h('tbody', {}, order.lines.map((line) => h('tr', {},
            h('td', {}, h('a', { href: `/products/${encodeURIComponent(line.productId)}` }, line.title),
              order.status === 'DELIVERED' && order.buyerId === session.user()?.id
                ? h('a', { class: 'block write-review', href: `/products/${encodeURIComponent(line.productId)}?review=${encodeURIComponent(order.id)}#reviews` }, t('reviews.write')) : null,
              line.shippedAt ? h('span', { class: 'muted block' }, t('order.shippedOn', { date: dateTime(line.shippedAt) }),
                line.trackingRef ? ` · ${t('order.tracking', { ref: line.trackingRef })}` : '') : null),
            h('td', {}, String(line.quantity)), h('td', {}, money(line.unitPrice)), h('td', {}, money(line.lineTotal))))),
          order.total ? h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: '3' }, t('cart.total')), h('td', { id: 'order-total' }, money(order.total)))) : null))),
      order.shippingAddress ? h('section', { 'aria-labelledby': 'address-heading' },
        h('h2', { id: 'address-heading' }, t('checkout.address')),
        h('address', {}, [order.shippingAddress.fullName, order.shippingAddress.line1, order.shippingAddress.line2,
          `${order.shippingAddress.postalCode} ${order.shippingAddress.city}`, country(order.shippingAddress.country)]
          .filter(Boolean).flatMap((part) => [part, h('br')]))) : null,
      message,
      h('p', { class: 'actions' },
        cancellable && !confirmingCancel ? h('button', { type: 'button', class: 'button secondary', id: 'cancel-order',
          onclick: () => { confirmingCancel = true; draw(); document.getElementById('confirm-cancel')?.focus(); } }, t('order.cancel')) : null,
        cancellable && confirmingCancel ? [h('span', {}, t('order.cancelSure'), ' '),
          h('button', { type: 'button', class: 'button danger', id: 'confirm-cancel', onclick: () => act('cancel') }, t('order.cancelYes')),
          h('button', { type: 'button', class: 'button secondary', onclick: () => { confirmingCancel = false; draw(); } }, t('order.cancelNo'))] : null,
        receivable ? h('button', { type: 'button', class: 'button', id: 'mark-delivered', onclick: () => act('delivery') }, t('order.received')) : null,
        h('a', { href: '/orders' }, t('orders.title'))),
      order.buyerId === session.user()?.id ? askAbout(order, navigate) : null);
  };

  const act = async (action) => {
    try {
      order = (await api(`/api/orders/${encodeURIComponent(order.id)}/${action}`, { method: 'POST', body: {} })).data;
      confirmingCancel = false;
      draw();
      announce(t(`status.${order.status}`));
    } catch (error) {
      message.show(describe(error));
    }
  };

  // The status changes without a reload: the live stream says when (an artisan ships, the
  // saga confirms); while the stream is not open, a pending order is polled instead.
  let timer = null;
  const reload = async () => {
    try {
      const fresh = (await api(`/api/orders/${encodeURIComponent(order.id)}`)).data;
      if (!current()) return;
      if (fresh.status !== order.status || fresh.updatedAt !== order.updatedAt) {
        order = fresh;
        draw();
        announce(`${t('order.status')} ${t(`status.${order.status}`)}`);
      }
    } catch {
      // A missed reload is tried again with the next event or poll.
    }
  };
  const poll = async () => {
    if (!live.connected()) await reload();
    if (current() && order.status === 'PENDING') timer = setTimeout(poll, POLL_MS);
  };
  if (order.status === 'PENDING') timer = setTimeout(poll, POLL_MS);
  onLeave(() => clearTimeout(timer));
  onLeave(live.on('order-status', (event) => { if (event.orderId === order.id) reload(); }));

  draw();
  return view;
}

/** "Ask the artisan" for each artisan whose goods are in the order. */
function askAbout(order, navigate) {
  const byArtisan = new Map();
  for (const line of order.lines) {
    if (!byArtisan.has(line.artisanId)) byArtisan.set(line.artisanId, []);
    byArtisan.get(line.artisanId).push(line.title);
  }
  const several = byArtisan.size > 1;
  return h('section', { class: 'ask-section', 'aria-labelledby': 'ask-heading' },
    h('h2', { id: 'ask-heading' }, t('messages.askHeading')),
    [...byArtisan.entries()].map(([artisanId, titles], index) => askForm({ orderId: order.id, artisanId }, navigate,
      { id: `ask-artisan-${index}`, label: several ? t('messages.askAbout', { titles: titles.join(', ') }) : t('messages.ask') })));
}

function explanation(order) {
  const last = order.statusHistory[order.statusHistory.length - 1];
  if (order.status === 'PENDING') return h('p', { class: 'muted', id: 'status-explanation' }, t('order.pendingHint'));
  if (order.status === 'CONFIRMED') return h('p', { id: 'status-explanation' }, t('order.confirmedHint'));
  if (order.status === 'CANCELLED' && last?.reason) {
    return h('p', { class: 'alert info', id: 'cancellation-reason' }, t('order.cancelledBecause', { reason: last.reason }));
  }
  if (order.status !== 'REJECTED') return null;
  const problems = last?.problems ?? [];
  const title = (productId) => order.lines.find((line) => line.productId === productId)?.title ?? productId;
  return h('div', { class: 'alert error', id: 'rejection-reason' },
    h('p', {}, t('order.rejectedHint')),
    problems.length
      ? h('ul', {}, problems.map((problem) => h('li', {}, t(`order.problem.${problem.code}`,
        { title: title(problem.productId), available: problem.available, requested: problem.requested }))))
      : h('p', {}, t('order.problem.NO_ANSWER')));
}
