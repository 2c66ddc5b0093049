// Progressive enhancement for the answering page. Everything here is optional:
// without it the page works the same, only with fewer conveniences.
(function () {
	'use strict';
	var form = document.querySelector('form[data-koe-answer]');
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
