/// <reference types="vite/client" />
import { createApp } from 'vue'
import App from './App.vue'
import { initTheme } from './composables/useTheme'
import './styles/theme.css'
import './styles/base.css'

// Apply the theme before the first paint so the window never flashes the wrong colours.
initTheme()
createApp(App).mount('#app')
