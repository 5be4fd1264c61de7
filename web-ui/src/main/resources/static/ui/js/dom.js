// Builds DOM nodes without HTML strings, so text from the API can never become markup.

/**
 * h('a', {href: '/cart', class: 'link', onclick: fn}, 'Cart', child, [more])
 * Props: class, text, dataset, on<event> handlers; everything else becomes an attribute
 * (true → present, false/null/undefined → absent).
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Replaces a node's children; like h(), takes nested arrays and skips null. */
export function fill(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** A labelled form field: label, control, hint and a slot for its error. */
export function field(id, label, control, hint) {
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  return h('div', { class: 'field', dataset: { field: control.name || id } },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control,
    error);
}

/** Shows an error under a field and marks it invalid; null clears it. */
export function fieldError(form, name, message) {
  const wrapper = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (!wrapper) return false;
  const error = wrapper.querySelector('.field-error');
  const control = wrapper.querySelector('input, select, textarea');
  if (error) {
    error.textContent = message || '';
    error.hidden = !message;
  }
  if (control) control.toggleAttribute('aria-invalid', Boolean(message));
  return true;
}

export function clearFieldErrors(form) {
  form.querySelectorAll('[data-field]').forEach((wrapper) => fieldError(form, wrapper.dataset.field, null));
}

/** Reads a form's named controls into an object of trimmed strings (checkboxes as booleans). */
export function formValues(form) {
  const values = {};
  for (const control of form.elements) {
    if (!control.name) continue;
    if (control.type === 'checkbox') values[control.name] = control.checked;
    else if (control.type === 'radio') { if (control.checked) values[control.name] = control.value; }
    else values[control.name] = control.value.trim();
  }
  return values;
}

/** Says something to screen readers without moving focus. */
export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = message; }, 50);
}
