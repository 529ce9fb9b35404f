// Small progressive enhancements; every page works without this file.
(() => {
  // Live countdowns: <time data-countdown-to="ISO" data-countdown-ms="…">. The server's remaining
  // milliseconds win over the absolute end, so a browser whose clock is off still counts right.
  const anchor = () => {
    for (const el of document.querySelectorAll('[data-countdown-ms]')) {
      const ms = Number(el.getAttribute('data-countdown-ms'));
      if (Number.isFinite(ms)) el.setAttribute('data-countdown-to', new Date(Date.now() + ms).toISOString());
      el.removeAttribute('data-countdown-ms');
    }
  };
  const fmt = (ms) => {
    if (ms <= 0) return 'expirado';
    const m = Math.floor(ms / 60000);
    const d = Math.floor(m / 1440);
    const h = Math.floor((m % 1440) / 60);
    const min = m % 60;
    if (d > 0) return `${d} ${d === 1 ? 'dia' : 'dias'} e ${h} h`;
    if (h > 0) return `${h} h ${min} min`;
    if (m > 0) return `${min} min`;
    return 'menos de 1 min';
  };
  const tick = () => {
    anchor();
    for (const el of document.querySelectorAll('[data-countdown-to]')) {
      const to = Date.parse(el.getAttribute('data-countdown-to'));
      if (!Number.isNaN(to)) el.textContent = fmt(to - Date.now());
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    tick();
    setInterval(tick, 15000);
    // Close the user menu when clicking elsewhere.
    document.addEventListener('click', (e) => {
      for (const d of document.querySelectorAll('details.dropdown[open]')) {
        if (!d.contains(e.target)) d.removeAttribute('open');
      }
    });
    // Confirm destructive actions: <form data-confirm="…">
    document.addEventListener('submit', (e) => {
      const msg = e.target.getAttribute && e.target.getAttribute('data-confirm');
      if (msg && !window.confirm(msg)) e.preventDefault();
    });
  });
  document.addEventListener('htmx:afterSwap', tick);
})();
