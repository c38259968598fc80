import { render } from 'preact';
import { App } from './App';
import '@/lib/ui/extension-page.css';
import './style.css';

render(<App />, document.getElementById('app') as HTMLElement);
