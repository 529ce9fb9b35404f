// Upload progress for forms marked data-upload-progress and sent by htmx (hx-post, multipart): the
// form's <progress data-upload-progress-bar> follows htmx:xhr:progress, with a pt-BR label.
(() => {
  // The element that sent the request: htmx:beforeSwap fires on (and names as detail.elt) the target,
  // so the request's config comes first.
  const formOf = (evt) => {
    const d = evt.detail || {};
    const elt = (d.requestConfig && d.requestConfig.elt) || d.elt || evt.target;
    return elt && elt.closest ? elt.closest('form[data-upload-progress]') : null;
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
  document.addEventListener('htmx:afterRequest', (evt) => {
    const form = formOf(evt);
    const label = form && form.querySelector('[data-upload-progress-label]');
    const bar = form && form.querySelector('[data-upload-progress-bar]');
    if (!label || !bar) return;
    const status = evt.detail.xhr ? evt.detail.xhr.status : 0;
    if (status >= 200 && status < 300) label.textContent = `Envio concluído: ${bar.value}%.`;
    else label.textContent = status ? 'O envio foi recusado: veja a mensagem abaixo.' : 'O envio foi interrompido. Verifique a conexão e tente de novo.';
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
