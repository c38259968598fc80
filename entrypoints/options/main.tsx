import { render } from 'preact';
import { App } from './App';
import '@/lib/pages/extension-page.css';
import './style.css';

// The page is only the app: its body is the root (light and dark come from extension-page.css).
render(<App />, document.body);
