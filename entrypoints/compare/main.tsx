import { mountCompare } from '../../src/compare/mount';

mountCompare(document.getElementById('app'));
