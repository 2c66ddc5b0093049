// Residents get server-rendered HTML and one small script (static/answer.js): the
// page is light on a cheap phone and every step works without JavaScript.
export const csr = false;
