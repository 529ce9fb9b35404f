// Upload progress for forms marked data-upload-progress and sent by htmx (hx-post, multipart): the
// form's <progress data-upload-progress-bar> follows htmx:xhr:progress, with a pt-BR label.
(() => {
  const formOf = (evt) => {
    const elt = evt.detail && evt.detail.elt;
    const form = elt && elt.closest ? elt.closest('form[data-upload-progress]') : null;
    return form;
  };
  const show = (form, percent) => {
    const box = form.querySelector('[data-upload-progress-box]');
    const bar = form.querySelector('[data-upload-progress-bar]');
    const label = form.querySelector('[data-upload-progress-label]');
    if (box) box.hidden = false;
    if (bar) bar.value = percent;
    if (label) label.textContent = percent >= 100 ? 'Envio concluído: 100%. Processando…' : `Enviando… ${percent}%`;
  };
  document.addEventListener('htmx:beforeRequest', (evt) => {
    const form = formOf(evt);
    if (form) show(form, 0);
  });
  document.addEventListener('htmx:xhr:progress', (evt) => {
    const form = formOf(evt);
    if (!form || !evt.detail.lengthComputable || !evt.detail.total) return;
    show(form, Math.min(100, Math.floor((evt.detail.loaded / evt.detail.total) * 100)));
  });
  // The server answers a refused upload (413 too large, 422 invalid) with a message to show in place.
  document.addEventListener('htmx:beforeSwap', (evt) => {
    const form = formOf(evt);
    const status = evt.detail.xhr && evt.detail.xhr.status;
    if (form && (status === 413 || status === 422 || status === 400)) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });
})();
