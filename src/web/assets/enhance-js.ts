/**
 * The one script the pages load, and they work without it. It makes the
 * redline filters apply as soon as one is changed (fetching the same page
 * with the new query and swapping the parts marked `data-swap`, so the
 * reader keeps their place), and opens collapsed routine changes before
 * printing. Plain ES2017 in a string: served as a file (the pages' Content
 * Security Policy allows no inline script) on Node and Workers alike.
 */
export const ENHANCE_JS = `(() => {
  "use strict";
  document.documentElement.classList.add("js");

  let latest = 0;
  async function apply(form) {
    const ticket = ++latest;
    const url = new URL(form.getAttribute("action") || location.pathname, location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    form.setAttribute("aria-busy", "true");
    try {
      const res = await fetch(url, { headers: { accept: "text/html" }, credentials: "same-origin" });
      if (!res.ok) throw new Error("status " + res.status);
      const doc = new DOMParser().parseFromString(await res.text(), "text/html");
      // A slower answer to an earlier change must not overwrite a later one.
      if (ticket !== latest) return;
      for (const old of document.querySelectorAll("[data-swap]")) {
        const next = doc.getElementById(old.id);
        if (!next) continue;
        // A live region is announced when its text changes, not when it is replaced.
        if (old.hasAttribute("aria-live")) old.textContent = next.textContent;
        else old.replaceWith(document.importNode(next, true));
      }
      document.title = doc.title;
      history.replaceState(null, "", url.pathname + url.search + location.hash);
      document.documentElement.dataset.applied = url.search;
    } catch (error) {
      // Whatever went wrong, the plain form still works.
      form.submit();
    } finally {
      if (ticket === latest) form.removeAttribute("aria-busy");
    }
  }

  for (const form of document.querySelectorAll("form[data-enhance='filters']")) {
    form.addEventListener("change", () => apply(form));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      apply(form);
    });
  }

  // Collapsed routine changes would print as their one-line summary only.
  let opened = [];
  addEventListener("beforeprint", () => {
    opened = Array.from(document.querySelectorAll("details:not([open])"));
    for (const d of opened) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
})();
`;
