// The page hears the timeline's events as any DOM event.
document.querySelector('diplomatic-timeline').addEventListener('timeline-select', (event) => {
  document.querySelector('#chosen').value = event.detail.id ?? 'none'
})
