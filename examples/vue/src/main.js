import { createApp } from 'vue'
import 'diplomatic-timeline'
import App from './App.vue'

createApp(App).mount('#app')
