import { render } from 'preact';

render(<h1>Backstory</h1>, document.getElementById('app') as HTMLElement);
