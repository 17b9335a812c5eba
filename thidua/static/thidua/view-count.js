// Counts one view of the page's record with a request of its own, so the page itself can be
// cached for every visitor; shows the new count when it comes back.
document.querySelectorAll("[data-view-count-url]").forEach(function (counter) {
  fetch(counter.dataset.viewCountUrl, { method: "POST", credentials: "omit", keepalive: true })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) { if (data) { counter.textContent = data.views; } })
    .catch(function () {});
});
