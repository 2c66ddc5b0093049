// Progressive enhancement for the answering page. Everything here is optional:
// without it the page works the same, only with fewer conveniences.
/** @typedef {{ k: string | null, p: string, s: string, v: string[][] }} Saved */
(function () {
	'use strict';
	/**
	 * Runs `f`, or gives null when storage is blocked or full, or holds something unreadable.
	 * @template T
	 * @param {() => T} f
	 * @returns {T | null}
	 */
	function attempt(f) {
		try {
			return f();
		} catch {
			return null;
		}
	}
	/** @type {Storage | null} */
	var store = attempt(function () {
		return window.localStorage;
	});
	// The thank-you page: nothing of this survey stays on the device.
	var done = document.querySelector('[data-koe-done]');
	if (done && store) store.removeItem('koe:' + done.getAttribute('data-koe-done'));

	var form = /** @type {HTMLFormElement | null} */ (
		document.querySelector('form[data-koe-answer]')
	);
	if (!form) return;

	// A double tap or an impatient second tap must not post twice. The server
	// would store one response anyway (idempotency key); this spares the wait.
	var sending = false;
	form.addEventListener('submit', function (event) {
		if (sending) {
			event.preventDefault();
			return;
		}
		sending = true;
		setTimeout(function () {
			form.querySelectorAll('button').forEach(function (b) {
				b.setAttribute('aria-disabled', 'true');
			});
		}, 0);
		// On a flaky connection the browser may give up; let the resident retry.
		setTimeout(function () {
			sending = false;
			form.querySelectorAll('button').forEach(function (b) {
				b.removeAttribute('aria-disabled');
			});
		}, 8000);
	});

	// An exclusive option (「特にない」) goes alone: ticking it clears the others,
	// ticking another clears it. Capture runs first, so "up to N" below counts
	// what is left.
	form.addEventListener(
		'change',
		function (event) {
			var box = /** @type {HTMLInputElement} */ (event.target);
			var fieldset = box.closest('fieldset');
			if (box.type !== 'checkbox' || !box.checked || !fieldset) return;
			fieldset.querySelectorAll('input[type=checkbox]').forEach(function (b) {
				if (b !== box && (box.hasAttribute('data-exclusive') || b.hasAttribute('data-exclusive'))) {
					b.checked = false;
				}
			});
		},
		true
	);

	// Typing in 「その他」's box chooses 「その他」, as the server will read it.
	form.addEventListener('input', function (event) {
		var box = /** @type {HTMLInputElement} */ (event.target);
		var id = box.getAttribute('data-other');
		var choice = /** @type {HTMLInputElement | null} */ (id && document.getElementById(id));
		if (!choice || !box.value.trim()) return;
		if (choice.tagName === 'SELECT') choice.value = 'other';
		else if (!choice.checked) {
			choice.checked = true;
			choice.dispatchEvent(new Event('change', { bubbles: true }));
		}
	});

	// Autosave: what is typed on this page stays on the device until the page is
	// sent, so a reload or a dropped connection loses nothing. One entry per survey:
	// { k: session, p: page, s: the state field, v: [name, value] pairs }. A plain
	// visit (data-fresh) to the same page takes the entry over, session and all;
	// the same session on another page means the page was sent: the entry goes.
	if (store) {
		var key = 'koe:' + form.getAttribute('data-koe-answer');
		var elements = form.elements;
		var state = /** @type {HTMLInputElement} */ (elements.namedItem('state'));
		var pageNo = /** @type {HTMLInputElement} */ (elements.namedItem('page')).value;
		var session = form.getAttribute('data-session');
		var fields = function () {
			return /** @type {HTMLInputElement[]} */ (Array.from(elements)).filter(function (el) {
				return el.name && el.type !== 'hidden' && el.tagName !== 'BUTTON';
			});
		};
		var local = store;
		/** @type {Saved | null} */
		var saved = attempt(function () {
			/** @type {unknown} */
			var parsed = JSON.parse(local.getItem(key) || 'null');
			return /** @type {Saved | null} */ (parsed);
		});
		if (saved && saved.p === pageNo && (saved.k === session || form.hasAttribute('data-fresh'))) {
			state.value = saved.s;
			session = saved.k;
			var pairs = saved.v;
			var rest = pairs.slice();
			fields().forEach(function (/** @type {HTMLInputElement} */ el) {
				if (el.type === 'radio' || el.type === 'checkbox') {
					el.checked = pairs.some(function (nv) {
						return nv[0] === el.name && nv[1] === el.value;
					});
					return;
				}
				for (var i = 0; i < rest.length; i++) {
					if (rest[i][0] === el.name) {
						el.value = rest.splice(i, 1)[0][1];
						break;
					}
				}
			});
		} else if (saved && saved.k === session) local.removeItem(key);

		var save = function () {
			var values = fields()
				.filter(function (/** @type {HTMLInputElement} */ el) {
					return (el.type !== 'radio' && el.type !== 'checkbox') || el.checked;
				})
				.map(function (/** @type {HTMLInputElement} */ el) {
					return [el.name, el.value];
				});
			// Full or blocked: never mind, the server has every page sent so far.
			attempt(function () {
				local.setItem(key, JSON.stringify({ k: session, p: pageNo, s: state.value, v: values }));
			});
		};
		form.addEventListener('input', save);
		form.addEventListener('change', save);
	}

	// "Choose up to N": once N are ticked, the others cannot be ticked too
	// (an exclusive option still can, and then stands alone).
	form.querySelectorAll('fieldset[data-max]').forEach(function (fieldset) {
		var max = Number(fieldset.getAttribute('data-max'));
		var boxes = fieldset.querySelectorAll('input[type=checkbox]');
		function update() {
			var ticked = 0;
			boxes.forEach(function (b) {
				if (b.checked) ticked++;
			});
			boxes.forEach(function (b) {
				b.disabled = !b.checked && ticked >= max && !b.hasAttribute('data-exclusive');
			});
		}
		fieldset.addEventListener('change', update);
		update();
	});

	// Bring the resident to the error summary after a failed step.
	/** @type {HTMLElement | null} */
	var summary = document.querySelector('.error-summary');
	if (summary) summary.focus();
})();
