import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// Vue's compiler leaves tags it is told are custom elements to the browser.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('diplomatic-timeline') } } })],
})
