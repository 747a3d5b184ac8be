import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { installDefaultPolicy } from './lib/trusted-types.ts';

// Before anything starts a worker or parses HTML (see trusted-types.ts).
installDefaultPolicy();

const target = document.getElementById('app');
if (!target) throw new Error('Incident Atlas: no #app element to mount into');
mount(App, { target });
