// API errors as words in the reader's language, never raw JSON or a blank page.
import { fill, h } from './dom.js';
import { t } from './i18n.js';

/** One sentence that says what went wrong and what to do. */
export function describe(error) {
  const status = error?.status;
  switch (status) {
    case 0: return t('error.network');
    case 400: return error.fieldErrors?.length ? t('error.validation') : t('error.badRequest');
    case 401: return t('error.unauthorized');
    case 403: return t('error.forbidden');
    case 404: return t('error.notFound.text');
    case 409: return t('error.conflict');
    case 412: return t('error.stale');
    case 413: return t('error.tooLarge');
    case 415: return t('error.unsupportedMedia');
    case 422: return orderLimit(error) ?? t('error.unprocessable');
    case 429: return t('error.throttled', { seconds: error.retryAfter ?? 60 });
    case 503: return t('error.unavailable', { seconds: error.retryAfter ?? 5 });
    default:
      if (status === undefined) {
        console.error(error);
        return t('error.unexpected');
      }
      return t('error.server');
  }
}

/** The cap on what one buyer may hold in unshipped orders, said with its numbers. */
function orderLimit(error) {
  const problem = error.problem ?? {};
  if (!String(problem.type ?? '').endsWith('/problems/order-limit')) return null;
  const key = problem.limit === 'max-open-orders-per-buyer' ? 'error.orderLimit.orders' : 'error.orderLimit.units';
  return t(key, { open: problem.open, maximum: problem.maximum });
}

/** A whole page for an error that stops a page from showing. */
export function errorView(error) {
  const notFound = error?.status === 404;
  return h('section', { class: 'page narrow' },
    h('h1', { tabindex: '-1' }, notFound ? t('error.notFound.title') : t('error.title')),
    h('p', { class: 'alert error', role: 'alert' }, describe(error)),
    h('p', {}, h('a', { href: '/' }, t('nav.home'))));
}

/** An alert box inside a page; empty text hides it. */
export function alertBox(kind = 'error') {
  const box = h('div', { class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status', hidden: true });
  box.show = (message) => {
    fill(box, message);
    box.hidden = !message;
  };
  return box;
}
