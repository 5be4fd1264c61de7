import { clearFieldErrors, field, fieldError, formValues, h } from '../dom.js';
import { country, money, t } from '../i18n.js';
import { api } from '../api.js';
import { cart } from '../cart.js';
import { session } from '../session.js';
import { COUNTRIES, pageHeading } from '../components.js';
import { alertBox, describe } from '../errors.js';

const ATTEMPT_KEY = 'am.checkout';
const ADDRESS_KEY = 'am.address';
/** How long a checkout keeps retrying while the marketplace answers 503 or cannot be reached. */
const RETRY_FOR_MS = 120_000;

/**
 * One Idempotency-Key per checkout of one cart: a double click, a retry after a 503 or a
 * lost answer, even a reload, sends the same key, so the buyer gets one order.
 */
function attemptKey() {
  const signature = JSON.stringify(cart.items().map((item) => [item.productId, item.quantity]));
  try {
    const stored = JSON.parse(sessionStorage.getItem(ATTEMPT_KEY));
    if (stored && stored.signature === signature) return stored.key;
  } catch {
    // A broken entry is replaced below.
  }
  const key = crypto.randomUUID();
  sessionStorage.setItem(ATTEMPT_KEY, JSON.stringify({ signature, key }));
  return key;
}

export async function checkoutPage({ navigate, current }) {
  if (!session.user()) {
    navigate(`/signin?next=${encodeURIComponent('/checkout')}`, { replace: true });
    return h('div');
  }
  const items = cart.items();
  if (items.length === 0) {
    navigate('/cart', { replace: true });
    return h('div');
  }
  const saved = JSON.parse(sessionStorage.getItem(ADDRESS_KEY) || '{}');
  const message = alertBox('error');
  const status = alertBox('info');
  const buyer = session.hasRole('BUYER');
  const input = (name, attributes = {}) => h('input', { name, value: saved[name] ?? '', ...attributes });
  const submit = h('button', { type: 'submit', class: 'button', id: 'place-order', disabled: !buyer }, t('checkout.place'));
  const form = h('form', { class: 'address-form', novalidate: false, oninput: () => sessionStorage.setItem(ADDRESS_KEY, JSON.stringify(formValues(form))) },
    h('fieldset', {},
      h('legend', {}, t('checkout.address')),
      field('fullName', t('checkout.fullName'), input('fullName', { required: true, maxlength: '120', autocomplete: 'name' })),
      field('line1', t('checkout.line1'), input('line1', { required: true, maxlength: '200', autocomplete: 'address-line1' })),
      field('line2', t('checkout.line2'), input('line2', { maxlength: '200', autocomplete: 'address-line2' }), t('checkout.optional')),
      h('div', { class: 'field-row' },
        field('city', t('checkout.city'), input('city', { required: true, maxlength: '100', autocomplete: 'address-level2' })),
        field('postalCode', t('checkout.postalCode'), input('postalCode', { required: true, maxlength: '20', autocomplete: 'postal-code' }))),
      field('country', t('checkout.country'), h('select', { name: 'country', required: true, autocomplete: 'country' },
        COUNTRIES.map((code) => h('option', { value: code, selected: (saved.country ?? 'AZ') === code }, country(code)))))),
    message, status,
    buyer ? null : h('p', { class: 'alert error', role: 'alert' }, t('checkout.buyersOnly')),
    submit);

  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    submit.disabled = true;
    message.show(null);
    clearFieldErrors(form);
    const address = formValues(form);
    if (!address.line2) delete address.line2;
    const body = { items: cart.items().map(({ productId, quantity }) => ({ productId, quantity })), shippingAddress: address };
    const key = attemptKey();
    const started = Date.now();
    for (let attempt = 1; current(); attempt++) {
      try {
        const placed = (await api('/api/orders', { method: 'POST', body, headers: { 'Idempotency-Key': key } })).data;
        cart.clear();
        sessionStorage.removeItem(ATTEMPT_KEY);
        navigate(`/orders/${encodeURIComponent(placed.id)}`);
        return;
      } catch (error) {
        const retryable = error.status === 503 || error.status === 0 || error.status === 502 || error.status === 504;
        const seconds = Math.min(error.retryAfter ?? 2 * attempt, 30);
        if (retryable && Date.now() - started + seconds * 1000 < RETRY_FOR_MS) {
          status.show(t('checkout.retrying', { seconds }));
          await new Promise((resolve) => { setTimeout(resolve, seconds * 1000); });
          continue;
        }
        status.show(null);
        showProblem(error, form, message);
        break;
      }
    }
    busy = false;
    submit.disabled = false;
  });

  return h('div', { class: 'page checkout-page' },
    pageHeading(t('checkout.title')),
    h('div', { class: 'checkout-layout' },
      form,
      h('aside', { class: 'summary', 'aria-labelledby': 'summary-heading' },
        h('h2', { id: 'summary-heading' }, t('checkout.summary')),
        h('ul', {}, items.map((item) => h('li', {}, `${item.quantity} × ${item.title}`, h('span', {}, money({ amount: (Number(item.price.amount) * item.quantity).toFixed(2), currency: item.price.currency }))))),
        h('p', { class: 'cart-total' }, t('cart.total'), ' ', h('strong', {}, money(cart.total()))),
        h('p', { class: 'muted' }, t('checkout.payOnDelivery')))));
}

function showProblem(error, form, message) {
  if (error.status === 400 && error.fieldErrors.length) {
    error.fieldErrors.forEach(({ field: name }) => fieldError(form, name.replace(/^shippingAddress\./, ''), t('error.field')));
  }
  if (error.status === 422 && Array.isArray(error.problem.lines)) {
    const titles = error.problem.lines.map((line) => cart.items().find((item) => item.productId === line.productId)?.title ?? line.productId);
    message.show([t('checkout.linesUnavailable', { titles: titles.join(', ') }), ' ', h('a', { href: '/cart' }, t('checkout.backToCart'))]);
    return;
  }
  if (error.status === 401) {
    message.show([describe(error), ' ', h('a', { href: `/signin?next=${encodeURIComponent('/checkout')}` }, t('nav.signIn'))]);
    return;
  }
  message.show(describe(error));
}
