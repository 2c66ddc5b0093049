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

	// "Choose up to N": once N are ticked, the others cannot be ticked too.
	form.querySelectorAll('fieldset[data-max]').forEach(function (fieldset) {
		var max = Number(fieldset.getAttribute('data-max'));
		var boxes = fieldset.querySelectorAll('input[type=checkbox]');
		function update() {
			var ticked = 0;
			boxes.forEach(function (b) {
				if (b.checked) ticked++;
			});
			boxes.forEach(function (b) {
				b.disabled = !b.checked && ticked >= max;
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
