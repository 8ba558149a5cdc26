/** Billit's code lists as `{Key, Value}` with labels per language (EN, NL, FR, DE). */
type Labels = Record<'EN' | 'NL' | 'FR' | 'DE', string>;
type CodeList = Record<string, Labels>;

const label = (EN: string, NL: string, FR: string, DE: string): Labels => ({ EN, NL, FR, DE });

export const TYPE_CODES: Record<string, CodeList> = {
	VATRate: {
		'0': label('0% VAT', '0% btw', '0% TVA', '0% MwSt'),
		'6': label('6% VAT', '6% btw', '6% TVA', '6% MwSt'),
		'12': label('12% VAT', '12% btw', '12% TVA', '12% MwSt'),
		'21': label('21% VAT', '21% btw', '21% TVA', '21% MwSt'),
	},
	Unit: {
		C62: label('Piece', 'Stuk', 'Pièce', 'Stück'),
		HUR: label('Hour', 'Uur', 'Heure', 'Stunde'),
		DAY: label('Day', 'Dag', 'Jour', 'Tag'),
		KGM: label('Kilogram', 'Kilogram', 'Kilogramme', 'Kilogramm'),
		MTR: label('Metre', 'Meter', 'Mètre', 'Meter'),
		LTR: label('Litre', 'Liter', 'Litre', 'Liter'),
		MON: label('Month', 'Maand', 'Mois', 'Monat'),
	},
	PaymentMethod: {
		BankTransfer: label('Bank transfer', 'Overschrijving', 'Virement', 'Überweisung'),
		DirectDebit: label('Direct debit', 'Domiciliëring', 'Domiciliation', 'Lastschrift'),
		Cash: label('Cash', 'Contant', 'Espèces', 'Bar'),
		CreditCard: label('Credit card', 'Kredietkaart', 'Carte de crédit', 'Kreditkarte'),
		Online: label('Online payment', 'Online betaling', 'Paiement en ligne', 'Online-Zahlung'),
	},
	TransportType: {
		Peppol: label('Peppol', 'Peppol', 'Peppol', 'Peppol'),
		SMTP: label('E-mail', 'E-mail', 'E-mail', 'E-Mail'),
		Letter: label('Letter', 'Brief', 'Lettre', 'Brief'),
		SDI: label('SDI (Italy)', 'SDI (Italië)', 'SDI (Italie)', 'SDI (Italien)'),
		KSeF: label('KSeF (Poland)', 'KSeF (Polen)', 'KSeF (Pologne)', 'KSeF (Polen)'),
		Chorus: label('Chorus Pro (France)', 'Chorus Pro (Frankrijk)', 'Chorus Pro (France)', 'Chorus Pro (Frankreich)'),
	},
	OrderType: {
		Invoice: label('Invoice', 'Factuur', 'Facture', 'Rechnung'),
		CreditNote: label('Credit note', 'Creditnota', 'Note de crédit', 'Gutschrift'),
		Offer: label('Offer', 'Offerte', 'Offre', 'Angebot'),
		DeliveryNote: label('Delivery note', 'Leveringsbon', 'Bon de livraison', 'Lieferschein'),
		OrderForm: label('Order form', 'Bestelbon', 'Bon de commande', 'Bestellschein'),
	},
	OrderDirection: {
		Income: label('Sales', 'Verkoop', 'Vente', 'Verkauf'),
		Cost: label('Purchase', 'Aankoop', 'Achat', 'Einkauf'),
	},
	Language: {
		NL: label('Dutch', 'Nederlands', 'Néerlandais', 'Niederländisch'),
		FR: label('French', 'Frans', 'Français', 'Französisch'),
		EN: label('English', 'Engels', 'Anglais', 'Englisch'),
		DE: label('German', 'Duits', 'Allemand', 'Deutsch'),
	},
};
