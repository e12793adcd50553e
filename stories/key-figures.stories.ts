import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { getStorybookHelpers } from '@wc-toolkit/storybook-helpers';
import communique from '../data/communique-2021-12-21.json';
import demo from '../data/demo/laureats-fictifs.json';

const { args, argTypes, template } = getStorybookHelpers('relance-key-figures');

/**
 * `<relance-key-figures>` shows the figures a reader looks for first: laureates, state support, jobs,
 * régions reached (and, on request, the average support), as text with their labels, in DSFR tiles.
 *
 * ```html
 * <relance-key-figures caption="Chiffres clés" src="/data/communique-2021-12-21.json"></relance-key-figures>
 * ```
 */
const meta: Meta = {
  title: 'Widgets/Chiffres clés',
  component: 'relance-key-figures',
  args: { ...args, caption: 'Chiffres clés', data: JSON.stringify(communique), source: undefined },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/** The official figures of the press release (44 laureates, 17,2 M€, 521 jobs, 15 régions). */
export const ChiffresOfficiels: Story = { name: 'Chiffres officiels' };

/** Computed from 44 fictitious laureates; the widget says the data is fictitious. */
export const LaureatsFictifs: Story = {
  name: 'Lauréats fictifs',
  args: { data: JSON.stringify(demo), figures: 'laureats,montant,emplois,regions,moyenne' },
};

/** English (`lang="en"`). */
export const English: Story = { args: { lang: 'en', caption: 'Key figures' } };

/** DSFR dark theme. */
export const ThemeSombre: Story = { name: 'Thème sombre', args: { theme: 'dark' }, globals: { theme: 'dark' } };

/** Two figures only, in a narrow column. */
export const DeuxChiffres: Story = {
  name: 'Deux chiffres (colonne étroite)',
  args: { figures: 'montant,laureats' },
  parameters: { layout: 'centered' },
};

/** Invalid data. */
export const DonneesInvalides: Story = { name: 'Données invalides', args: { data: '{"totaux": ' } };
