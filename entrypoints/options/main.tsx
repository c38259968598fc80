import { render } from 'preact';

render(<h1>Backstory options</h1>, document.getElementById('app') as HTMLElement);
