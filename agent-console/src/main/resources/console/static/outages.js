// The planned-outage pages: a form that tells thousands of customers (cancel, close) asks first (data-confirm).
document.addEventListener('submit', (event) => {
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
