import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import 'diplomatic-timeline'
import type {} from 'diplomatic-timeline/react'
import dataset from '../../dataset.json'

function App() {
  const [chosen, setChosen] = useState<string | null>(null)
  return (
    <>
      {/* React 19 sets `data` as the element's property, and listens to its events by their names. */}
      <diplomatic-timeline data={dataset} ontimeline-select={(event) => setChosen(event.detail.id)} />
      <p>Chosen: <output id="chosen">{chosen ?? 'none'}</output></p>
    </>
  )
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>)
