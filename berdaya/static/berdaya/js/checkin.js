/* Check-in on a phone: QR from the camera (BarcodeDetector where the browser has it, else
   the vendored jsQR), a typed code, or a name search. Every scan gets a nonce and goes to a queue kept in
   localStorage; the queue is sent when the connection is there and kept when it is not, so a scan is never
   lost, and the server counts a nonce once (an upload replayed after a dropped connection is harmless). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("checkin");
    if (!root) return;
    var KEY = "berdaya-checkin-" + root.dataset.event;
    var csrf = root.querySelector("input[name=csrfmiddlewaretoken]").value;
    var session = document.getElementById("session");
    var statusEl = document.getElementById("status");
    var pendingEl = document.getElementById("pending");
    var results = document.getElementById("results");
    var device = localStorage.getItem("berdaya-device");
    if (!device) {
      device = "hp-" + Math.random().toString(36).slice(2, 10);
      localStorage.setItem("berdaya-device", device);
    }

    function nonce() {
      if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
      return device + "-" + Date.now() + "-" + Math.random().toString(36).slice(2);
    }
    function load() {
      try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
    }
    function save(queue) { localStorage.setItem(KEY, JSON.stringify(queue)); showPending(); }
    function showPending() {
      var n = load().length;
      pendingEl.textContent = n ? n + " " + root.dataset.msgPending : "";
    }
    function show(text, ok) {
      statusEl.textContent = text;
      statusEl.className = "badge " + (ok ? "badge-ok" : "badge-warn");
    }
    function addResult(r) {
      var li = document.createElement("li");
      li.textContent = (r.name ? r.name + " — " : "") + (r.accepted ? root.dataset.msgAccepted : r.reason);
      li.className = r.accepted ? "ok" : "refused";
      li.dataset.accepted = r.accepted ? "1" : "0";
      results.insertBefore(li, results.firstChild);
      show(li.textContent, r.accepted);
    }

    function enqueue(scan) {
      scan.nonce = nonce();
      scan.session = session.value;
      scan.scanned_at = new Date().toISOString();
      scan.device = device;
      var queue = load();
      queue.push(scan);
      save(queue);
      show(root.dataset.msgQueued, true);
      sync();
    }

    var syncing = false;
    function sync() {
      var queue = load();
      if (syncing || !queue.length) return;
      syncing = true;
      var batch = queue.slice(0, 100);
      fetch(root.dataset.syncUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ scans: batch })
      }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) {
        var done = {};
        data.results.forEach(function (r) { done[r.nonce] = true; addResult(r); });
        save(load().filter(function (s) { return !done[s.nonce]; }));
      }).catch(function () {
        /* offline or server away: the queue stays and is sent later */
      }).then(function () {
        syncing = false;
        if (load().length && navigator.onLine !== false) setTimeout(sync, 4000);
      });
    }
    window.addEventListener("online", sync);
    setInterval(sync, 10000);
    showPending();
    sync();

    // Typed code.
    document.getElementById("code-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var input = document.getElementById("code");
      var code = input.value.trim();
      if (code) enqueue({ code: code });
      input.value = "";
    });

    // Name search (needs the connection).
    var search = document.getElementById("name-search");
    var list = document.getElementById("name-results");
    var timer = null;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = search.value.trim();
        list.innerHTML = "";
        if (q.length < 2) return;
        fetch(root.dataset.searchUrl + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (data) {
            data.results.forEach(function (p) {
              var li = document.createElement("li");
              var button = document.createElement("button");
              button.type = "button";
              button.className = "btn btn-small";
              button.textContent = p.name + (p.kecamatan ? " · " + p.kecamatan : "") + " (" + p.status + ")";
              button.addEventListener("click", function () {
                enqueue({ participant: p.id });
                list.innerHTML = "";
                search.value = "";
              });
              li.appendChild(button);
              list.appendChild(li);
            });
          }).catch(function () {});
      }, 250);
    });

    // Walk-ins: registered on the spot (NIK checked by the server).
    document.getElementById("walkin-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var form = event.target;
      var data = new FormData(form);
      data.append("nonce", nonce());
      data.append("session", session.value);
      fetch(root.dataset.walkinUrl, {
        method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrf }, body: data
      }).then(function (r) { return r.json(); }).then(function (r) {
        addResult(r);
        if (r.accepted) form.reset();
      }).catch(function () { show(root.dataset.msgQueued, false); });
    });

    // Camera.
    var video = document.getElementById("camera");
    var canvas = document.getElementById("frame");
    var startButton = document.getElementById("camera-start");
    var stopButton = document.getElementById("camera-stop");
    var stream = null, detector = null, last = { code: "", at: 0 };
    // The CSP allows no inline styles; .btn's display would beat the hidden attribute.
    function visible(el, on) { el.hidden = !on; el.style.display = on ? "" : "none"; }
    video.style.width = "100%";
    video.style.maxWidth = "420px";
    visible(stopButton, false);
    visible(video, false);

    function found(text) {
      var now = Date.now();
      if (text === last.code && now - last.at < 3000) return; // the same card held in front of the camera
      last = { code: text, at: now };
      if (navigator.vibrate) navigator.vibrate(80);
      enqueue({ code: text });
    }
    function tick() {
      if (!stream) return;
      if (video.readyState >= 2 && video.videoWidth) {
        if (detector) {
          detector.detect(video).then(function (codes) {
            if (codes.length) found(codes[0].rawValue);
          }).catch(function () {}).then(function () { requestAnimationFrame(tick); });
          return;
        }
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        var context = canvas.getContext("2d", { willReadFrequently: true });
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = window.jsQR && window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        if (code && code.data) found(code.data);
      }
      requestAnimationFrame(tick);
    }
    startButton.addEventListener("click", function () {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        show(root.dataset.msgNocamera, false);
        return;
      }
      var ready = Promise.resolve();
      if ("BarcodeDetector" in window && BarcodeDetector.getSupportedFormats) {
        ready = BarcodeDetector.getSupportedFormats().then(function (formats) {
          if (formats.indexOf("qr_code") >= 0) detector = new BarcodeDetector({ formats: ["qr_code"] });
        }).catch(function () {});
      }
      ready.then(function () {
        return navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      }).then(function (s) {
        stream = s;
        video.srcObject = s;
        visible(video, true);
        visible(stopButton, true);
        visible(startButton, false);
        return video.play();
      }).then(function () { requestAnimationFrame(tick); })
        .catch(function () { show(root.dataset.msgNocamera, false); });
    });
    stopButton.addEventListener("click", function () {
      if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
      visible(video, false);
      visible(stopButton, false);
      visible(startButton, true);
    });
  });
})();
