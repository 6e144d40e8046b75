import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import '@/components/reader.css';
import '@/components/library/library.css';

render(<LibraryApp />, document.getElementById('app') as HTMLElement);
