import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { setStorybookHelpersConfig } from '@wc-toolkit/storybook-helpers';
import '@gouvfr/dsfr/dist/dsfr.min.css';
import './preview.css';
import manifest from '../custom-elements.json';
import '../src/all.ts';
import { pasteableSource } from './source.ts';

setCustomElementsManifest(manifest);
setStorybookHelpersConfig({
  hideArgRef: true,
  categoryOrder: ['attributes', 'properties', 'events', 'cssParts', 'cssProps'],
});

/** Applies the toolbar's language and DSFR theme to the whole preview, like a page would. */
const withPage: Decorator = (story, context) => {
  const root = document.documentElement;
  root.lang = context.globals['lang'] === 'en' ? 'en' : 'fr';
  root.setAttribute('data-fr-theme', context.globals['theme'] === 'dark' ? 'dark' : 'light');
  root.setAttribute('data-fr-scheme', context.globals['theme'] === 'dark' ? 'dark' : 'light');
  return story();
};

const preview: Preview = {
  decorators: [withPage],
  globalTypes: {
    lang: {
      description: 'Langue de la page (attribut lang de <html>)',
      toolbar: {
        title: 'Langue',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Thème DSFR (data-fr-theme sur <html>)',
      toolbar: {
        title: 'Thème',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Clair' },
          { value: 'dark', title: 'Sombre' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'fr', theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: { source: { type: 'dynamic', language: 'html', transform: (code: string) => pasteableSource(code) } },
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};
export default preview;
