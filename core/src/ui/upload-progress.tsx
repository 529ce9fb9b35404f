/**
 * The progress bar of an upload form. Put it inside a `<form data-upload-progress hx-post=…
 * hx-encoding="multipart/form-data">`: `/assets/upload-progress.js` fills it from htmx's
 * `htmx:xhr:progress` events ("Enviando… 42%") and shows it while the file goes up.
 */
export function UploadProgress() {
  return (
    <div class="upload-progress" data-upload-progress-box hidden>
      <progress data-upload-progress-bar value="0" max="100" aria-label="Progresso do envio"></progress>
      <small data-upload-progress-label aria-live="polite">
        Enviando… 0%
      </small>
    </div>
  );
}
