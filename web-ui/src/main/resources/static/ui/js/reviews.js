// Stars, a product's reviews and the forms around them. Review text is shown as text,
// never as markup (h() makes text nodes).
import { announce, field, fill, h } from './dom.js';
import { date, number, t } from './i18n.js';
import { api, query } from './api.js';
import { session } from './session.js';
import { alertBox, describe } from './errors.js';

export const REVIEW_SORTS = ['newest', 'rating_desc', 'rating_asc'];

/** ★★★★☆ 4.2 (12): a product's or an artisan's rating; nothing without reviews. */
export function stars(rating, id) {
  if (!rating || !rating.count) return null;
  const average = Number(rating.average);
  const full = Math.round(average);
  return h('span', { class: 'rating', id, 'aria-label': t('rating.label', { average: average.toFixed(1), count: number(rating.count) }) },
    h('span', { class: 'stars', 'aria-hidden': 'true' }, '★'.repeat(full) + '☆'.repeat(5 - full)),
    h('span', { 'aria-hidden': 'true' }, ` ${average.toFixed(1)} (${number(rating.count)})`));
}

/** The stars one review gives. */
export function reviewStars(rating) {
  return h('span', { class: 'stars', 'aria-label': t('rating.stars', { n: rating }) }, '★'.repeat(rating) + '☆'.repeat(5 - rating));
}

/**
 * The reviews section of a product page: sort, pages, the answers, reporting, and the
 * buyer's own review with edit and delete; with ?review=<orderId> the form to write one.
 */
export async function reviewsSection(product, params, navigate) {
  const sort = REVIEW_SORTS.includes(params.get('sort')) ? params.get('sort') : 'newest';
  const page = Math.max(0, Number.parseInt(params.get('reviews'), 10) || 0);
  const orderId = params.get('review');
  const path = `/products/${encodeURIComponent(product.id)}`;
  const section = h('section', { class: 'reviews', id: 'reviews', 'aria-labelledby': 'reviews-heading' });
  const message = alertBox('error');
  const done = alertBox('success');

  const load = async () => (await api(`/api/products/${encodeURIComponent(product.id)}/reviews${query({ sort, page, size: 10 })}`)).data;
  let result = await load();

  const draw = () => {
    const mine = result.items.find((review) => review.mine);
    fill(section,
      h('h2', { id: 'reviews-heading' }, t('reviews.title'), ' ', stars(product.rating, 'product-rating-summary')),
      done, message,
      orderId && !mine && session.hasRole('BUYER') ? reviewForm({ orderId }) : null,
      result.totalItems === 0 ? h('p', { class: 'muted', id: 'no-reviews' }, t('reviews.none')) : [
        h('form', { class: 'inline-filter', onsubmit: (event) => event.preventDefault() },
          field('review-sort', t('reviews.sort'), h('select', { name: 'sort', onchange: (event) =>
            navigate(`${path}${query({ sort: event.target.value })}#reviews`) },
          REVIEW_SORTS.map((value) => h('option', { value, selected: value === sort }, t(`reviews.sort.${value}`)))))),
        h('ol', { class: 'review-list', id: 'review-list' }, result.items.map(reviewItem)),
        result.totalPages > 1 ? h('nav', { class: 'pager', 'aria-label': t('pager.label') },
          page > 0 ? h('a', { class: 'button secondary', rel: 'prev', href: `${path}${query({ sort, reviews: page - 1 })}#reviews` }, t('pager.previous')) : null,
          h('span', { class: 'pager-position' }, t('pager.position', { page: page + 1, pages: result.totalPages })),
          page + 1 < result.totalPages ? h('a', { class: 'button secondary', rel: 'next', href: `${path}${query({ sort, reviews: page + 1 })}#reviews` }, t('pager.next')) : null) : null]);
  };

  const reload = async (text) => {
    result = await load();
    draw();
    if (text) {
      done.show(text);
      announce(text);
    }
  };

  const reviewItem = (review) => {
    const item = h('li', { class: 'review', dataset: { reviewId: review.id } },
      h('p', { class: 'review-head' }, reviewStars(review.rating), ' ',
        h('strong', { class: 'review-author' }, review.buyerDisplayName), ' · ',
        h('time', { datetime: review.createdAt }, date(review.createdAt)),
        review.mine ? h('span', { class: 'tag' }, t('reviews.yours')) : null),
      review.text ? h('p', { class: 'review-text' }, review.text) : null,
      review.reply ? h('div', { class: 'review-reply' },
        h('p', { class: 'muted' }, t('reviews.replyFrom')), h('p', { class: 'reply-text' }, review.reply.text)) : null);
    const actions = h('p', { class: 'review-actions' });
    if (review.mine) {
      actions.append(
        h('button', { type: 'button', class: 'button secondary edit-review', onclick: () => fill(item, reviewForm({ review })) }, t('reviews.edit')),
        ' ',
        h('button', { type: 'button', class: 'button danger delete-review', onclick: async () => {
          try {
            await api(`/api/reviews/${encodeURIComponent(review.id)}`, { method: 'DELETE' });
            await reload(t('reviews.deleted'));
          } catch (error) {
            message.show(describe(error));
          }
        } }, t('reviews.delete')));
    } else if (session.user()) {
      actions.append(h('button', { type: 'button', class: 'link-button report-review', onclick: () => {
        actions.replaceWith(reportForm(review));
      } }, t('reviews.report')));
    }
    item.append(actions);
    return item;
  };

  const reportForm = (review) => {
    const reason = h('input', { name: 'reason', required: true, maxlength: '500' });
    return h('form', { class: 'report-form', onsubmit: async (event) => {
      event.preventDefault();
      try {
        await api(`/api/reviews/${encodeURIComponent(review.id)}/report`, { method: 'POST', body: { reason: reason.value.trim() } });
        await reload(t('reviews.reported'));
      } catch (error) {
        message.show(error.status === 409 ? t('reviews.reportedAlready') : describe(error));
      }
    } },
    field(`report-${review.id}`, t('reviews.reportReason'), reason),
    h('button', { type: 'submit', class: 'button secondary' }, t('reviews.sendReport')));
  };

  const reviewForm = ({ orderId: order, review }) => {
    const rating = h('select', { name: 'rating', required: true },
      [5, 4, 3, 2, 1].map((n) => h('option', { value: String(n), selected: n === (review?.rating ?? 5) }, t('rating.stars', { n }))));
    const text = h('textarea', { name: 'text', rows: '4', maxlength: '2000' });
    text.value = review?.text ?? '';
    return h('form', { class: 'review-form', id: 'review-form', onsubmit: async (event) => {
      event.preventDefault();
      const body = { rating: Number(rating.value), text: text.value.trim() };
      try {
        if (review) await api(`/api/reviews/${encodeURIComponent(review.id)}`, { method: 'PUT', body });
        else await api(`/api/products/${encodeURIComponent(product.id)}/reviews`, { method: 'POST', body: { ...body, orderId: order } });
        navigate(`${path}#reviews`, { replace: true });
        announce(t('reviews.thanks'));
      } catch (error) {
        message.show(error.status === 409 && !review ? t('reviews.notYet') : describe(error));
      }
    } },
    h('h3', {}, review ? t('reviews.editTitle') : t('reviews.writeTitle')),
    field('review-rating', t('reviews.rating'), rating),
    field('review-text', t('reviews.text'), text, t('reviews.textHint')),
    h('button', { type: 'submit', class: 'button', id: 'submit-review' }, review ? t('reviews.save') : t('reviews.publish')));
  };

  draw();
  return section;
}
