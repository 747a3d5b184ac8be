import { mount } from 'svelte';
import Embed from './Embed.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('Incident Atlas: no #app element to mount into');
mount(Embed, { target });
