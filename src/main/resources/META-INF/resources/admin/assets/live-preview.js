// Live preview of the Markdown body: posts the text to the service, which renders and sanitizes it exactly as it
// will be published, and shows the answer. Without this script the "预览" button does the same with a page load.
(function () {
  'use strict';
  var form = document.querySelector('form[data-live-preview]');
  var target = document.querySelector('[data-preview-target]');
  if (!form || !target || !window.fetch) {
    return;
  }
  var body = form.querySelector('textarea[name=body]');
  var token = form.querySelector('input[name=_csrf]');
  var timer = null;
  var sent = 0;
  body.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var request = ++sent;
      var data = new URLSearchParams();
      data.set('_csrf', token ? token.value : '');
      data.set('body', body.value);
      window.fetch('/admin/content/preview', { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (reply) { return reply.ok ? reply.text() : null; })
        .then(function (html) {
          // only the newest answer is shown; the HTML is the service's sanitized rendering
          if (html !== null && request === sent) {
            target.innerHTML = '<h2>预览</h2>' + html;
          }
        })
        .catch(function () { /* the preview button still works */ });
    }, 400);
  });
}());
