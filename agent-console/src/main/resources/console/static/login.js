// Logs in through POST /api/session; shows a wrong password or the 429 wait next to the form, in the page's language.
"use strict";
(function () {
  const form = document.getElementById("login-form");
  const error = document.getElementById("login-error");
  const i18n = document.getElementById("i18n");
  let waitTimer = null;
  function show(text) {
    error.textContent = text;
    error.hidden = false;
  }
  function countdown(seconds) {
    clearInterval(waitTimer);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    let left = seconds;
    const step = () => {
      if (left <= 0) { clearInterval(waitTimer); button.disabled = false; error.hidden = true; return; }
      show(i18n.dataset.loginThrottled.replace("{0}", left));
      left -= 1;
    };
    step();
    waitTimer = setInterval(step, 1000);
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = JSON.stringify({ username: form.username.value.trim(), password: form.password.value });
    let response;
    try {
      response = await fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: body, credentials: "same-origin" });
    } catch (e) {
      show(i18n.dataset.loginFailed);
      return;
    }
    if (response.ok) {
      const session = await response.json();
      localStorage.setItem("hotline.sessionExpiresAt", session.expiresAt);
      const next = new URLSearchParams(location.search).get("next");
      location.assign(next && next.startsWith("/") && !next.startsWith("//") ? next : "/desk");
    } else if (response.status === 429) {
      countdown(parseInt(response.headers.get("Retry-After") || "60", 10));
    } else if (response.status === 401 || response.status === 400) {
      show(i18n.dataset.loginWrong);
      form.password.select();
    } else {
      show(i18n.dataset.loginFailed);
    }
  });
})();
