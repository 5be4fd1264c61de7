// The cart lives in this browser (localStorage), so it survives reloads and needs no account.

const KEY = 'am.cart';

function read() {
  try {
    const items = JSON.parse(localStorage.getItem(KEY));
    return Array.isArray(items) ? items : [];
  } catch {
    return [];
  }
}

function write(items) {
  localStorage.setItem(KEY, JSON.stringify(items));
  window.dispatchEvent(new CustomEvent('cart-changed'));
}

export const cart = {
  /** [{productId, quantity, title, price, image, artisanName, stock}] */
  items: read,
  count() {
    return read().reduce((sum, item) => sum + item.quantity, 0);
  },
  currency() {
    return read()[0]?.price?.currency ?? null;
  },
  /** Adds units of a product; false when its currency differs from the cart's (one order, one currency). */
  add(product, quantity) {
    const items = read();
    if (items.length > 0 && items[0].price.currency !== product.price.currency) return false;
    const existing = items.find((item) => item.productId === product.id);
    const wanted = (existing ? existing.quantity : 0) + quantity;
    const entry = {
      productId: product.id,
      quantity: Math.max(1, Math.min(wanted, product.stock || wanted)),
      title: product.title,
      price: product.price,
      image: product.images?.[0] ?? null,
      artisanName: product.artisan?.displayName ?? '',
      stock: product.stock,
    };
    write(existing ? items.map((item) => (item.productId === product.id ? entry : item)) : [...items, entry]);
    return true;
  },
  setQuantity(productId, quantity) {
    write(read().map((item) => (item.productId === productId ? { ...item, quantity } : item)));
  },
  /** Refreshes titles, prices and stock from the catalogue's pricing answer. */
  refresh(quotes) {
    const byId = new Map(quotes.map((quote) => [quote.productId, quote]));
    write(read().map((item) => {
      const quote = byId.get(item.productId);
      return quote ? { ...item, title: quote.title, price: quote.price, stock: quote.stock, missing: false }
        : { ...item, missing: true };
    }));
  },
  remove(productId) {
    write(read().filter((item) => item.productId !== productId));
  },
  clear() {
    write([]);
  },
  /** Sum of the lines, as a decimal string in minor units arithmetic. */
  total() {
    const items = read();
    if (items.length === 0) return null;
    const cents = items.reduce((sum, item) => sum + Math.round(Number(item.price.amount) * 100) * item.quantity, 0);
    return { amount: (cents / 100).toFixed(2), currency: items[0].price.currency };
  },
};
