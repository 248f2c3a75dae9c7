import { mountPopup } from '../../src/popup/mount';

mountPopup(document.getElementById('app'));
