import { mountAddArticle } from '../../src/add-article/mount';

mountAddArticle(document.getElementById('app'));
