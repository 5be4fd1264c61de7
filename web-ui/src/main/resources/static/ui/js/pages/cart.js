import { fill, h, announce } from '../dom.js';
import { money, t } from '../i18n.js';
import { api } from '../api.js';
import { cart } from '../cart.js';
import { pageHeading, productImage } from '../components.js';
import { describe } from '../errors.js';

export async function cartPage({ navigate, current }) {
  let problem = null;
  if (cart.items().length) {
    try {
      const ids = cart.items().map((item) => item.productId).join(',');
      cart.refresh((await api(`/api/products/pricing?ids=${encodeURIComponent(ids)}`)).data);
    } catch (error) {
      problem = describe(error);
    }
  }
  const view = h('div', { class: 'page cart-page' });
  const draw = () => {
    if (!current()) return;
    const items = cart.items();
    const unavailable = items.filter((item) => item.missing || item.stock <= 0 || item.quantity > item.stock);
    fill(view, 
      pageHeading(t('cart.title')),
      problem ? h('p', { class: 'alert error', role: 'alert' }, problem) : null,
      items.length === 0
        ? [h('p', {}, t('cart.empty')), h('p', {}, h('a', { class: 'button', href: '/search' }, t('home.browse')))]
        : [h('ul', { class: 'cart-lines' }, items.map((item) => line(item, draw))),
          h('p', { class: 'cart-total' }, t('cart.total'), ' ', h('strong', { id: 'cart-total' }, money(cart.total()))),
          unavailable.length ? h('p', { class: 'alert error', role: 'alert' }, t('cart.fixLines')) : null,
          h('p', { class: 'actions' },
            h('button', { type: 'button', class: 'button', id: 'checkout', disabled: unavailable.length > 0,
              onclick: () => navigate('/checkout') }, t('cart.checkout')))]);
  };
  draw();
  return view;
}

function line(item, redraw) {
  const id = `qty-${item.productId}`;
  const max = Math.max(1, item.stock);
  const warning = item.missing ? t('cart.gone') : item.stock <= 0 ? t('product.soldOut')
    : item.quantity > item.stock ? t('cart.onlyLeft', { n: item.stock }) : null;
  return h('li', { class: 'cart-line', dataset: { productId: item.productId } },
    productImage({ title: item.title, image: item.image, category: 'OTHER' }, 'thumb'),
    h('div', { class: 'cart-line-main' },
      h('a', { href: `/products/${encodeURIComponent(item.productId)}`, class: 'cart-line-title' }, item.title),
      h('p', { class: 'muted' }, item.artisanName),
      warning ? h('p', { class: 'field-error' }, warning) : null),
    h('div', { class: 'cart-line-qty' },
      h('label', { for: id }, t('product.quantity')),
      h('input', { id, type: 'number', min: '1', max: String(max), value: String(item.quantity), inputmode: 'numeric',
        onchange: (event) => {
          const quantity = Math.min(Math.max(1, Number.parseInt(event.target.value, 10) || 1), max);
          cart.setQuantity(item.productId, quantity);
          redraw();
        } })),
    h('p', { class: 'cart-line-price' }, money({ amount: (Number(item.price.amount) * item.quantity).toFixed(2), currency: item.price.currency })),
    h('button', { type: 'button', class: 'link-button remove', 'aria-label': t('cart.removeItem', { title: item.title }),
      onclick: () => { cart.remove(item.productId); announce(t('cart.removed', { title: item.title })); redraw(); } }, t('cart.remove')));
}
