import { clearFieldErrors, field, fieldError, formValues, h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { pageHeading } from '../components.js';
import { alertBox, describe } from '../errors.js';

/** Only paths of this site, so a crafted link cannot send a user elsewhere after signing in. */
function safeNext(params) {
  const next = params.get('next') || '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export async function signInPage({ query: params, navigate }) {
  const message = alertBox('error');
  const submit = h('button', { type: 'submit', class: 'button', id: 'sign-in' }, t('nav.signIn'));
  const form = h('form', { class: 'account-form', onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.show(null);
    try {
      const login = (await api('/api/auth/login', { method: 'POST', body: formValues(form) })).data;
      session.signedIn(login);
      navigate(safeNext(params), { replace: true });
    } catch (error) {
      message.show(error.status === 401 ? t('account.badCredentials') : describe(error));
      submit.disabled = false;
    }
  } },
  field('signin-email', t('account.email'), h('input', { name: 'email', type: 'email', required: true, autocomplete: 'username' })),
  field('signin-password', t('account.password'), h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' })),
  message, submit);
  return h('section', { class: 'page narrow' },
    pageHeading(t('nav.signIn')),
    form,
    h('p', {}, t('account.noAccount'), ' ', h('a', { href: `/signup?next=${encodeURIComponent(safeNext(params))}` }, t('nav.signUp'))));
}

export async function signUpPage({ query: params, navigate }) {
  const message = alertBox('error');
  const submit = h('button', { type: 'submit', class: 'button', id: 'sign-up' }, t('account.create'));
  const role = (value, label, checked) => h('div', { class: 'field checkbox' },
    h('input', { type: 'radio', name: 'role', value, id: `role-${value}`, checked }),
    h('label', { for: `role-${value}` }, label));
  const form = h('form', { class: 'account-form', onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.show(null);
    clearFieldErrors(form);
    const values = formValues(form);
    try {
      await api('/api/auth/register', { method: 'POST', body: values });
      const login = (await api('/api/auth/login', { method: 'POST', body: { email: values.email, password: values.password } })).data;
      session.signedIn(login);
      navigate(safeNext(params), { replace: true });
    } catch (error) {
      if (error.status === 400) {
        error.fieldErrors.forEach(({ field: name }) => fieldError(form, name, t(`account.invalid.${name}`)));
        message.show(t('error.validation'));
      } else {
        message.show(error.status === 409 ? t('account.emailTaken') : describe(error));
      }
      submit.disabled = false;
    }
  } },
  field('signup-name', t('account.displayName'), h('input', { name: 'displayName', required: true, minlength: '2', maxlength: '60', autocomplete: 'name' })),
  field('signup-email', t('account.email'), h('input', { name: 'email', type: 'email', required: true, maxlength: '254', autocomplete: 'email' })),
  field('signup-password', t('account.password'), h('input', { name: 'password', type: 'password', required: true, minlength: '10', maxlength: '72', autocomplete: 'new-password' }), t('account.passwordHint')),
  h('fieldset', { class: 'roles', dataset: { field: 'role' } },
    h('legend', {}, t('account.role')),
    role('BUYER', t('account.role.BUYER'), true),
    role('ARTISAN', t('account.role.ARTISAN'), false)),
  message, submit);
  return h('section', { class: 'page narrow' },
    pageHeading(t('nav.signUp')),
    form,
    h('p', {}, t('account.haveAccount'), ' ', h('a', { href: `/signin?next=${encodeURIComponent(safeNext(params))}` }, t('nav.signIn'))));
}
