// Masterclasses: the storefront's listing and class page, the buyer's bookings, the studio's classes and the admin's list.
import { clearFieldErrors, field, fieldError, fill, formValues, h, announce } from '../dom.js';
import { country, dateTime, dateTimeIn, money, t } from '../i18n.js';
import { api, query } from '../api.js';
import { session } from '../session.js';
import { COUNTRIES, pageHeading, pageParam, pager, roleGuard, statusBadge } from '../components.js';
import { alertBox, describe } from '../errors.js';
import { guard as artisansOnly, myProfile, studioNav } from './studio.js';
import { adminNav, guard as adminsOnly } from './admin.js';
import { live } from '../live.js';

const PAGE_SIZE = 20;
const LANGUAGE_CODES = ['az', 'uz', 'ru', 'en', 'tr', 'de', 'fr'];

/** Where a class is held, as one line: online, or the address, city and country. */
function place(masterclass) {
  const where = [masterclass.address, masterclass.city, country(masterclass.country)].filter(Boolean).join(', ');
  return masterclass.format === 'ONLINE' ? [t('masterclass.online'), where].filter(Boolean).join(' · ') : where;
}

/** When a class starts, in the reader's language and the class's own time zone. */
function when(masterclass) {
  return `${dateTimeIn(masterclass.startsAt, masterclass.timeZone)} (${masterclass.timeZone})`;
}

function languageNames(codes) {
  return (codes ?? []).map((code) => {
    try {
      return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }).of(code) || code;
    } catch {
      return code;
    }
  }).join(', ');
}

function seatsLine(masterclass) {
  if (masterclass.status === 'CANCELLED') return h('span', { class: 'tag sold-out' }, t('masterclass.cancelled'));
  return masterclass.seatsLeft > 0
    ? h('span', { class: 'seats-left', dataset: { seatsLeft: String(masterclass.seatsLeft) } }, t('masterclass.seatsLeft', { n: masterclass.seatsLeft, of: masterclass.seats }))
    : h('span', { class: 'tag sold-out', dataset: { seatsLeft: '0' } }, t('masterclass.full'));
}

function card(masterclass, href = `/masterclasses/${encodeURIComponent(masterclass.id)}`) {
  return h('li', { class: 'card masterclass-card', dataset: { masterclassId: masterclass.id } },
    h('a', { href, class: 'card-title' }, masterclass.title),
    h('p', { class: 'card-maker' }, [masterclass.artisanName, masterclass.craft].filter(Boolean).join(' · ')),
    h('p', { class: 'masterclass-when' }, when(masterclass)),
    h('p', { class: 'masterclass-where' }, place(masterclass)),
    h('p', { class: 'card-price' }, money(masterclass.price), ' ', seatsLine(masterclass)));
}

/** /masterclasses: upcoming classes, soonest first, by city, craft and language. */
export async function masterclassesPage({ query: params, navigate }) {
  const page = pageParam(params);
  const filter = { city: params.get('city') ?? '', craft: params.get('craft') ?? '', language: params.get('language') ?? '', format: params.get('format') ?? '' };
  const found = (await api(`/api/masterclasses${query({ ...filter, page, size: PAGE_SIZE })}`)).data;
  const form = h('form', { class: 'inline-filter', id: 'masterclass-filter', onsubmit: (event) => {
    event.preventDefault();
    navigate(`/masterclasses${query(formValues(event.target))}`);
  } },
  field('mc-city', t('masterclass.city'), h('input', { name: 'city', value: filter.city })),
  field('mc-craft', t('masterclass.craft'), h('input', { name: 'craft', value: filter.craft })),
  field('mc-language', t('masterclass.language'), h('select', { name: 'language' },
    h('option', { value: '' }, t('search.any')),
    LANGUAGE_CODES.map((code) => h('option', { value: code, selected: code === filter.language }, languageNames([code]))))),
  field('mc-format', t('masterclass.format'), h('select', { name: 'format' },
    h('option', { value: '' }, t('search.any')),
    ['IN_PERSON', 'ONLINE'].map((format) => h('option', { value: format, selected: format === filter.format }, t(`masterclass.format.${format}`))))),
  h('button', { type: 'submit', class: 'button secondary' }, t('search.apply')));
  return h('div', { class: 'page masterclasses-page' },
    pageHeading(t('masterclass.title')),
    h('p', { class: 'muted' }, t('masterclass.intro')),
    form,
    found.items.length ? h('ul', { class: 'masterclass-grid', id: 'masterclasses' }, found.items.map((item) => card(item)))
      : h('p', { class: 'muted', id: 'no-masterclasses' }, t('masterclass.none')),
    pager(found, (target) => `/masterclasses${query({ ...filter, page: target || '' })}`));
}

/**
 * One Idempotency-Key per booking attempt of a class: a double click, a retry or a lost
 * answer sends the same key, so the buyer gets one booking.
 */
function bookingKey(masterclassId, seats) {
  const name = `am.booking.${masterclassId}`;
  const kept = JSON.parse(sessionStorage.getItem(name) || 'null');
  if (kept && kept.seats === seats) return kept.key;
  const key = crypto.randomUUID();
  sessionStorage.setItem(name, JSON.stringify({ seats, key }));
  return key;
}

/** /masterclasses/{id}: the class, its seats left and, for a buyer, booking. */
export async function masterclassPage({ params: [id], navigate }) {
  const masterclass = (await api(`/api/masterclasses/${encodeURIComponent(id)}`)).data;
  return h('div', { class: 'page masterclass-page' },
    pageHeading(masterclass.title),
    h('p', { class: 'card-maker' }, h('a', { href: `/artisans/${encodeURIComponent(masterclass.artisanId)}` }, masterclass.artisanName ?? ''),
      masterclass.artisanCity ? ` · ${masterclass.artisanCity}` : ''),
    h('dl', { class: 'facts' },
      h('dt', {}, t('masterclass.when')), h('dd', { id: 'masterclass-when' }, when(masterclass)),
      h('dt', {}, t('masterclass.duration')), h('dd', {}, t('masterclass.minutes', { n: masterclass.durationMinutes })),
      h('dt', {}, t('masterclass.where')), h('dd', { id: 'masterclass-where' }, place(masterclass)),
      h('dt', {}, t('masterclass.craft')), h('dd', {}, masterclass.craft),
      h('dt', {}, t('masterclass.language')), h('dd', {}, languageNames(masterclass.languages)),
      h('dt', {}, t('masterclass.price')), h('dd', {}, money(masterclass.price)),
      h('dt', {}, t('masterclass.seats')), h('dd', { id: 'seats' }, seatsLine(masterclass)),
      h('dt', {}, t('masterclass.closes')), h('dd', {}, dateTimeIn(masterclass.bookingClosesAt, masterclass.timeZone))),
    masterclass.description ? h('p', { class: 'description' }, masterclass.description) : null,
    masterclass.cancelReason ? h('p', { class: 'alert info' }, t('masterclass.cancelledBecause', { reason: masterclass.cancelReason })) : null,
    bookingSection(masterclass, navigate));
}

function bookingSection(masterclass, navigate) {
  if (!masterclass.bookable) return h('p', { class: 'muted', id: 'not-bookable' }, t('masterclass.notBookable'));
  if (!session.user()) {
    return h('p', {}, h('a', { class: 'button', id: 'sign-in-to-book', href: `/signin?next=${encodeURIComponent(location.pathname)}` }, t('masterclass.signInToBook')));
  }
  if (!session.hasRole('BUYER')) return h('p', { class: 'muted' }, t('masterclass.buyersBook'));
  const message = alertBox('error');
  const submit = h('button', { type: 'submit', class: 'button', id: 'book' }, t('masterclass.book'));
  const most = Math.min(10, masterclass.seatsLeft);
  return h('form', { class: 'inline-filter', id: 'booking-form', onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.show(null);
    const seats = Number.parseInt(event.target.elements.seats.value, 10);
    try {
      const booking = (await api(`/api/masterclasses/${encodeURIComponent(masterclass.id)}/bookings`,
        { method: 'POST', body: { seats }, headers: { 'Idempotency-Key': bookingKey(masterclass.id, seats) } })).data;
      sessionStorage.removeItem(`am.booking.${masterclass.id}`);
      announce(t(`masterclass.booked.${booking.status}`));
      navigate('/bookings');
    } catch (error) {
      message.show(describe(error));
      submit.disabled = false;
    }
  } },
  field('booking-seats', t('masterclass.seatsToBook'), h('select', { name: 'seats' },
    Array.from({ length: most }, (_, index) => h('option', { value: String(index + 1) }, String(index + 1))))),
  submit, message);
}

/** Downloads a booking's calendar file (the API wants the bearer token, so no plain link). */
async function downloadCalendar(booking) {
  const response = await fetch(`/api/bookings/${encodeURIComponent(booking.id)}/calendar.ics`, { headers: { Authorization: `Bearer ${session.token()}` } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: `masterclass-${booking.id}.ics`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Why a booking was rejected or cancelled, from its last change. */
function reason(booking) {
  if (booking.status === 'CANCELLED' && booking.masterclass?.status === 'CANCELLED') {
    return h('p', { class: 'muted booking-reason' }, t('masterclass.cancelledBecause', { reason: booking.masterclass.cancelReason ?? '' }));
  }
  const last = booking.statusHistory?.[booking.statusHistory.length - 1];
  return last?.reason ? h('p', { class: 'muted booking-reason' }, last.reason) : null;
}

function bookingRow(booking, redraw) {
  const message = alertBox('error');
  const masterclass = booking.masterclass;
  const open = masterclass && new Date(masterclass.bookingClosesAt) > new Date();
  return h('li', { class: 'card booking-card', dataset: { bookingId: booking.id } },
    masterclass ? h('a', { class: 'card-title', href: `/masterclasses/${encodeURIComponent(booking.masterclassId)}` }, masterclass.title)
      : h('p', { class: 'card-title' }, t('favourites.gone')),
    masterclass ? h('p', { class: 'masterclass-when' }, when(masterclass)) : null,
    masterclass ? h('p', { class: 'masterclass-where' }, place(masterclass)) : null,
    h('p', {}, statusBadge(booking.status), ' ', t('masterclass.seatsBooked', { n: booking.seats }), ' · ', money(booking.total)),
    reason(booking),
    h('p', { class: 'actions' },
      ['CONFIRMED', 'ATTENDED'].includes(booking.status) ? h('button', { type: 'button', class: 'button secondary calendar', onclick: () => downloadCalendar(booking).catch((error) => message.show(describe(error))) }, t('masterclass.calendar')) : null,
      booking.status === 'CONFIRMED' && open ? [' ', h('button', { type: 'button', class: 'button secondary cancel-booking', onclick: async () => {
        try {
          await api(`/api/bookings/${encodeURIComponent(booking.id)}/cancel`, { method: 'POST' });
          announce(t('masterclass.bookingCancelled'));
          redraw();
        } catch (error) {
          message.show(describe(error));
        }
      } }, t('masterclass.cancelBooking'))] : null),
    message);
}

/** /bookings: the buyer's bookings, newest first, with cancelling and the calendar file. */
export async function bookingsPage({ query: params, navigate, onLeave, current }) {
  const refused = roleGuard(navigate, 'BUYER', 'masterclass.bookings', 'favourites.buyersOnly');
  if (refused) return refused;
  const page = pageParam(params);
  const list = h('ul', { class: 'masterclass-grid', id: 'bookings' });
  const empty = h('p', { class: 'muted', id: 'no-bookings', hidden: true }, t('masterclass.noBookings'));
  const pages = h('div');
  const draw = async () => {
    const found = (await api(`/api/bookings${query({ page, size: PAGE_SIZE })}`)).data;
    fill(list, found.items.map((booking) => bookingRow(booking, draw)));
    empty.hidden = found.items.length > 0;
    fill(pages, pager(found, (target) => `/bookings${query({ page: target || '' })}`));
  };
  await draw();
  // A booking confirmed or cancelled elsewhere (a class cancelled by its artisan) shows at once.
  onLeave(live.on('order-status', (event) => {
    if (event.bookingId && current()) draw().catch(() => {});
  }));
  return h('div', { class: 'page bookings-page' }, pageHeading(t('masterclass.bookings')), list, empty, pages,
    h('p', {}, h('a', { href: '/masterclasses' }, t('masterclass.browse'))));
}

/** /studio/masterclasses: the artisan's classes, soonest first, cancelled ones after. */
export async function studioMasterclassesPage({ navigate }) {
  const refused = artisansOnly(navigate);
  if (refused) return refused;
  const mine = await myProfile();
  if (!mine) {
    navigate('/studio', { replace: true });
    return h('div');
  }
  const since = '2000-01-01T00:00:00Z';
  const [scheduled, cancelled] = await Promise.all(['SCHEDULED', 'CANCELLED'].map((status) =>
    api(`/api/masterclasses${query({ artisanId: mine.profile.id, from: since, status, size: 100 })}`).then((answer) => answer.data.items)));
  const link = (masterclass) => `/studio/masterclasses/${encodeURIComponent(masterclass.id)}`;
  return h('div', { class: 'page studio-page' },
    pageHeading(t('studio.nav.masterclasses')),
    studioNav('/studio/masterclasses'),
    h('p', {}, h('a', { class: 'button', id: 'new-masterclass', href: '/studio/masterclasses/new' }, t('masterclass.new'))),
    scheduled.length + cancelled.length
      ? h('ul', { class: 'masterclass-grid', id: 'my-masterclasses' }, [...scheduled, ...cancelled].map((masterclass) => card(masterclass, link(masterclass))))
      : h('p', { class: 'muted' }, t('masterclass.noneYet')));
}

/** An ISO moment as a datetime-local value in the given zone (what the artisan types). */
function localInput(iso, timeZone) {
  if (!iso) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A datetime-local value read in a time zone, as ISO-8601 with that zone's offset then. */
function withOffset(local, timeZone) {
  if (!local) return null;
  const asUtc = new Date(`${local}:00Z`);
  const shown = new Date(`${localInput(asUtc.toISOString(), timeZone)}:00Z`);
  const offsetMinutes = Math.round((shown - asUtc) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** /studio/masterclasses/{id|new}: schedule or edit a class, see who comes, mark attendance, cancel. */
export async function studioMasterclassPage({ params: [id], navigate }) {
  const admin = session.hasRole('ADMIN');
  const refused = admin ? null : artisansOnly(navigate);
  if (refused) return refused;
  const masterclass = id === 'new' ? null : (await api(`/api/masterclasses/${encodeURIComponent(id)}`)).data;
  const currencies = (await api('/api/products/currencies')).data.currencies;
  const sections = [pageHeading(masterclass ? masterclass.title : t('masterclass.new')),
    admin ? adminNav('/admin/masterclasses') : studioNav('/studio/masterclasses')];
  if (masterclass?.status === 'CANCELLED') {
    sections.push(h('p', { class: 'alert info', id: 'masterclass-cancelled' }, t('masterclass.cancelledBecause', { reason: masterclass.cancelReason ?? '' })));
  } else {
    sections.push(masterclassForm(masterclass, currencies, navigate));
  }
  if (masterclass) sections.push(await attendeesSection(masterclass), cancelSection(masterclass, navigate));
  return h('div', { class: 'page studio-page' }, sections);
}

function masterclassForm(masterclass, currencies, navigate) {
  const message = alertBox('error');
  const value = (name) => masterclass?.[name] ?? '';
  const zone = masterclass?.timeZone ?? 'Asia/Tashkent';
  const submit = h('button', { type: 'submit', class: 'button', id: 'save-masterclass' }, masterclass ? t('studio.save') : t('masterclass.schedule'));
  const form = h('form', { class: 'studio-form', id: 'masterclass-form', onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.show(null);
    clearFieldErrors(form);
    const values = formValues(form);
    const body = {
      title: values.title, description: values.description, craft: values.craft,
      startsAt: withOffset(values.startsAt, values.timeZone), durationMinutes: Number.parseInt(values.durationMinutes, 10),
      timeZone: values.timeZone, format: values.format, city: values.city || null, country: values.country || null,
      address: values.address || null, languages: values.languages.split(/[\s,]+/).filter(Boolean).map((code) => code.toLowerCase()),
      seats: Number.parseInt(values.seats, 10), price: { amount: values.price, currency: values.currency },
      bookingClosesAt: values.bookingClosesAt ? withOffset(values.bookingClosesAt, values.timeZone) : null,
    };
    try {
      const answer = masterclass
        ? await api(`/api/masterclasses/${encodeURIComponent(masterclass.id)}`, { method: 'PUT', body })
        : await api('/api/masterclasses', { method: 'POST', body });
      announce(t('studio.saved'));
      navigate(`/studio/masterclasses/${encodeURIComponent(answer.data.id)}`, { replace: !masterclass });
    } catch (error) {
      (error.fieldErrors ?? []).forEach(({ field: name }) => fieldError(form, name.replace(/\..*$/, '').replace(/\[\d+]$/, ''), t('error.field')));
      message.show(await explain(error, masterclass, body.seats));
      submit.disabled = false;
    }
  } },
  field('mc-title', t('studio.product.title'), h('input', { name: 'title', required: true, minlength: '3', maxlength: '120', value: value('title') })),
  field('mc-description', t('product.description'), h('textarea', { name: 'description', rows: '4', maxlength: '5000' }, value('description'))),
  field('mc-craft-input', t('masterclass.craft'), h('input', { name: 'craft', required: true, maxlength: '60', value: value('craft') })),
  field('mc-starts', t('masterclass.when'), h('input', { name: 'startsAt', type: 'datetime-local', required: true, value: localInput(masterclass?.startsAt, zone) })),
  field('mc-zone', t('masterclass.timeZone'), h('input', { name: 'timeZone', required: true, value: zone, list: 'mc-zones' }), t('masterclass.timeZoneHint')),
  h('datalist', { id: 'mc-zones' }, ['Asia/Baku', 'Asia/Tashkent', 'Asia/Samarkand', 'Asia/Almaty', 'Europe/Istanbul', 'Europe/London'].map((name) => h('option', { value: name }))),
  h('div', { class: 'field-row' },
    field('mc-duration', t('masterclass.durationMinutes'), h('input', { name: 'durationMinutes', type: 'number', min: '15', max: '720', required: true, value: String(masterclass?.durationMinutes ?? 120) })),
    field('mc-seats', t('masterclass.seats'), h('input', { name: 'seats', type: 'number', min: '1', max: '500', required: true, value: String(masterclass?.seats ?? 10) }))),
  field('mc-format-input', t('masterclass.format'), h('select', { name: 'format' },
    ['IN_PERSON', 'ONLINE'].map((format) => h('option', { value: format, selected: format === (masterclass?.format ?? 'IN_PERSON') }, t(`masterclass.format.${format}`))))),
  h('div', { class: 'field-row' },
    field('mc-city-input', t('masterclass.city'), h('input', { name: 'city', maxlength: '80', value: value('city') })),
    field('mc-country', t('masterclass.country'), h('select', { name: 'country' },
      h('option', { value: '' }, '—'),
      COUNTRIES.map((code) => h('option', { value: code, selected: code === masterclass?.country }, country(code)))))),
  field('mc-address', t('masterclass.address'), h('input', { name: 'address', maxlength: '300', value: value('address') })),
  field('mc-languages', t('masterclass.languages'), h('input', { name: 'languages', required: true, value: (masterclass?.languages ?? ['uz']).join(', ') }), t('masterclass.languagesHint')),
  h('div', { class: 'field-row' },
    field('mc-price', t('masterclass.pricePerSeat'), h('input', { name: 'price', type: 'number', min: '0.01', step: '0.01', inputmode: 'decimal', required: true, value: masterclass?.price?.amount ?? '' })),
    field('mc-currency', t('studio.product.currency'), h('select', { name: 'currency' },
      currencies.map((code) => h('option', { value: code, selected: (masterclass?.price?.currency ?? 'USD') === code }, code))))),
  field('mc-closes', t('masterclass.closes'), h('input', { name: 'bookingClosesAt', type: 'datetime-local', value: localInput(masterclass?.bookingClosesAt, zone) }), t('masterclass.closesHint')),
  message, submit);
  return form;
}

/** A refused edit in the reader's words: fewer seats than are booked says how many are. */
async function explain(error, masterclass, seats) {
  if (error.status === 409 && masterclass) {
    try {
      const now = (await api(`/api/masterclasses/${encodeURIComponent(masterclass.id)}`)).data;
      const booked = now.seats - now.seatsLeft;
      if (seats < booked) return t('masterclass.seatsBelowBooked', { n: booked });
    } catch {
      // The general words below will do.
    }
  }
  return describe(error);
}

async function attendeesSection(masterclass) {
  const bookings = (await api(`/api/masterclasses/${encodeURIComponent(masterclass.id)}/bookings`)).data;
  const started = new Date(masterclass.startsAt) <= new Date();
  const message = alertBox('error');
  const rows = bookings.map((booking) => {
    const state = h('td', {}, statusBadge(booking.status));
    const action = h('td', {});
    if (started && booking.status === 'CONFIRMED') {
      action.append(h('button', { type: 'button', class: 'button secondary mark-attended', onclick: async (event) => {
        try {
          const marked = (await api(`/api/bookings/${encodeURIComponent(booking.id)}/attendance`, { method: 'POST' })).data;
          fill(state, statusBadge(marked.status));
          event.target.remove();
          announce(t('status.ATTENDED'));
        } catch (error) {
          message.show(describe(error));
        }
      } }, t('masterclass.markAttended')));
    }
    return h('tr', { dataset: { bookingId: booking.id } }, h('td', {}, booking.buyerDisplayName), h('td', {}, String(booking.seats)), state, action);
  });
  return h('section', { 'aria-labelledby': 'attendees-heading' },
    h('h2', { id: 'attendees-heading' }, t('masterclass.attendees'), ' ', h('span', { class: 'muted' }, t('masterclass.seatsLeft', { n: masterclass.seatsLeft, of: masterclass.seats }))),
    rows.length ? h('div', { class: 'table-scroll' }, h('table', { class: 'order-lines', id: 'attendees' },
      h('thead', {}, h('tr', {}, h('th', {}, t('masterclass.attendee')), h('th', {}, t('masterclass.seats')), h('th', {}, t('masterclass.statusColumn')), h('th', {}, ''))),
      h('tbody', {}, rows))) : h('p', { class: 'muted', id: 'no-attendees' }, t('masterclass.noAttendees')),
    message);
}

/** Cancelling a class asks for the reason its buyers will read. */
function cancelSection(masterclass, navigate) {
  if (masterclass.status === 'CANCELLED' || new Date(masterclass.startsAt) <= new Date()) return null;
  const message = alertBox('error');
  return h('section', { 'aria-labelledby': 'cancel-heading' },
    h('h2', { id: 'cancel-heading' }, t('masterclass.cancelTitle')),
    h('form', { class: 'studio-form', id: 'cancel-masterclass', onsubmit: async (event) => {
      event.preventDefault();
      message.show(null);
      try {
        await api(`/api/masterclasses/${encodeURIComponent(masterclass.id)}/cancel`, { method: 'POST', body: { reason: event.target.elements.reason.value.trim() } });
        announce(t('masterclass.cancelled'));
        navigate(location.pathname, { replace: true });
      } catch (error) {
        message.show(describe(error));
      }
    } },
    field('cancel-reason', t('masterclass.cancelReason'), h('textarea', { name: 'reason', rows: '2', required: true, maxlength: '500' })),
    h('button', { type: 'submit', class: 'button danger', id: 'confirm-cancel-masterclass' }, t('masterclass.cancelButton')),
    message));
}

/** /admin/masterclasses: every class, upcoming and past, scheduled or cancelled. */
export async function adminMasterclassesPage({ navigate, query: params }) {
  const refused = adminsOnly(navigate);
  if (refused) return refused;
  const page = pageParam(params);
  const status = params.get('status') === 'CANCELLED' ? 'CANCELLED' : 'SCHEDULED';
  const found = (await api(`/api/masterclasses${query({ from: '2000-01-01T00:00:00Z', status, page, size: 50 })}`)).data;
  return h('div', { class: 'page admin-page' },
    pageHeading(t('admin.nav.masterclasses')),
    adminNav('/admin/masterclasses'),
    h('p', {}, ['SCHEDULED', 'CANCELLED'].map((value) => [h('a', { href: `/admin/masterclasses?status=${value}`, 'aria-current': value === status ? 'page' : null, class: 'button secondary' }, t(`masterclass.status.${value}`)), ' '])),
    found.items.length ? h('div', { class: 'table-scroll' }, h('table', { class: 'order-lines', id: 'admin-masterclasses' },
      h('thead', {}, h('tr', {}, ['masterclass.title', 'masterclass.artisan', 'masterclass.when', 'masterclass.where', 'masterclass.seats'].map((key) => h('th', {}, t(key))))),
      h('tbody', {}, found.items.map((masterclass) => h('tr', { dataset: { masterclassId: masterclass.id } },
        h('td', {}, h('a', { href: `/studio/masterclasses/${encodeURIComponent(masterclass.id)}` }, masterclass.title)),
        h('td', {}, masterclass.artisanName ?? ''),
        h('td', {}, dateTime(masterclass.startsAt)),
        h('td', {}, place(masterclass)),
        h('td', {}, `${masterclass.seats - masterclass.seatsLeft} / ${masterclass.seats}`))))))
      : h('p', { class: 'muted' }, t('masterclass.none')),
    pager(found, (target) => `/admin/masterclasses${query({ status, page: target || '' })}`));
}
