/*
 * Incident Atlas — host page script for the iframe embed (plain JavaScript, no dependencies).
 *
 * Sizes every <iframe data-incident-atlas> to the height its atlas reports, so there is no inner
 * scrollbar and no gap. A message counts only when it comes from that iframe's own window
 * (`event.source`), from the origin of its `src`, and has the expected shape; anything else —
 * another frame, another origin, a malformed height — is ignored.
 *
 * Opt-in deep links: <iframe data-incident-atlas data-sync-url="atlas" …> keeps the embed's view
 * in this page's address as `?atlas=<the embed's query>` (one name per iframe), so a shared link
 * to this page opens the same view, and back/forward step through it. Without the attribute the
 * embed never touches this page's address.
 */
(function () {
  'use strict';
  if (window.__incidentAtlasHost) return;
  window.__incidentAtlasHost = true;

  var SELECTOR = 'iframe[data-incident-atlas]';
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 20000;
  var MAX_SEARCH = 8192;
  var synced = new WeakSet();
  var prepared = new WeakSet();
  /** Each iframe's query as the page first had it: the view to return to when the address has none. */
  var initialSearch = new WeakMap();

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch {
      return null;
    }
  }

  function frameOf(source) {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  function syncName(frame) {
    if (!frame.hasAttribute('data-sync-url')) return null;
    return frame.getAttribute('data-sync-url') || 'atlas';
  }

  function isSearch(value) {
    return typeof value === 'string' && value.length <= MAX_SEARCH;
  }

  /** The iframe's address with another query. */
  function withSearch(frame, search) {
    var url = new URL(frame.src, document.baseURI);
    url.search = search;
    return url.href;
  }

  /** Asks an embed for its height, in case it settled before this script ran. The request carries
      nothing, so it may go to whatever document the iframe holds right now. */
  function measure(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'incident-atlas:measure' }, '*');
  }

  function prepare(frame) {
    if (prepared.has(frame)) return;
    prepared.add(frame);
    // Styles set through the CSSOM, which a strict style-src allows (a style="" attribute it would not).
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.addEventListener('load', function () {
      synced.delete(frame);
      measure(frame);
    });
    measure(frame);
    var name = syncName(frame);
    if (name === null) return;
    initialSearch.set(frame, new URL(frame.src, document.baseURI).search.replace(/^\?/, ''));
    // A deep link to this page: open the embed on the view its address carries.
    var search = new URLSearchParams(location.search).get(name);
    if (search !== null && isSearch(search)) {
      var target = withSearch(frame, search);
      if (target === new URL(frame.src, document.baseURI).href) return;
      // Replace rather than set src: once the iframe has loaded, a new src would add an entry to
      // the tab's history, and Back would step the iframe instead of this page.
      try {
        frame.contentWindow.location.replace(target);
      } catch {
        frame.src = target;
      }
    }
  }

  function prepareAll() {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) prepare(frames[i]);
  }

  window.addEventListener('message', function (event) {
    var frame = frameOf(event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    var data = event.data;
    if (typeof data !== 'object' || data === null || typeof data.type !== 'string') return;
    prepare(frame);
    var name = syncName(frame);

    if (data.type === 'incident-atlas:height') {
      var height = data.height;
      if (typeof height !== 'number' || !isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
      frame.style.height = Math.ceil(height) + 'px';
      if (name !== null && !synced.has(frame)) {
        synced.add(frame);
        frame.contentWindow.postMessage({ type: 'incident-atlas:sync' }, event.origin);
      }
    } else if (data.type === 'incident-atlas:state' && name !== null) {
      if (!isSearch(data.search) || (data.mode !== 'push' && data.mode !== 'replace')) return;
      var url = new URL(location.href);
      if (data.search === initialSearch.get(frame)) url.searchParams.delete(name);
      else url.searchParams.set(name, data.search);
      if (url.href === location.href) return;
      if (data.mode === 'push') history.pushState(history.state, '', url.href);
      else history.replaceState(history.state, '', url.href);
    }
  });

  // Back and forward on this page move synced embeds to the view its address now holds.
  window.addEventListener('popstate', function () {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      var name = syncName(frame);
      var origin = originOf(frame);
      if (name === null || !synced.has(frame) || !origin) continue;
      var search = new URLSearchParams(location.search).get(name);
      if (search === null) search = initialSearch.get(frame) || '';
      frame.contentWindow.postMessage({ type: 'incident-atlas:navigate', search: search }, origin);
    }
  });

  prepareAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', prepareAll);
})();
