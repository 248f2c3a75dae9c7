import { mountWelcome } from '../../src/welcome/mount';

mountWelcome(document.getElementById('app'));
