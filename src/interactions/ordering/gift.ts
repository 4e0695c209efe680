/** Ordering has no GIFT form: it is exported as open, its answer (the order) as general feedback. */
import type { GiftForm } from '../gift-form.js';

export const orderingGift: GiftForm = (_question, lose) => {
  lose('the order asked');
  return null;
};
